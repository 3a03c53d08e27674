package io.envclone.cli.local;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh keys for one clone's batch encryption and fingerprints: 32 random bytes in base64. */
final class ServiceKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ServiceKeys() {
    }

    static String random() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
