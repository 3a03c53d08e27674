package io.envclone.anonymizer.transform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * {@code password}: replaces a password hash with the hash of one test password, in the column's
 * own format, so anyone can sign in to a training or staging copy as any user with that password.
 * Recognised: bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}, cost kept: Supabase's
 * {@code auth.users.encrypted_password}), Django's {@code pbkdf2_sha256$}, and bare hex digests by
 * length (MD5, SHA-1 as Pagila's {@code staff.password}, SHA-256). Anything else is a password kept
 * in plain text, and gets the test password in plain text (a hash would not fit the column nor be
 * what the application compares), or what {@code format} asks ({@code bcrypt}, {@code md5}, {@code sha1}, {@code sha256}, {@code plain}).
 *
 * <p>Salts come from the environment's key, so output is deterministic; every row of one format
 * gets the same hash, computed once (bcrypt is slow on purpose, and the real hashes are not kept).
 */
final class PasswordTransformer implements Transformer {

    static final String DEFAULT_PASSWORD = "envclone-test";
    static final java.util.List<String> FORMATS = java.util.List.of("same", "bcrypt", "md5", "sha1", "sha256", "plain");

    private static final Pattern BCRYPT = Pattern.compile("\\$(2[aby])\\$(\\d{2})\\$[./A-Za-z0-9]{53}");
    private static final Pattern PBKDF2 = Pattern.compile("pbkdf2_sha256\\$(\\d+)\\$[^$]+\\$[A-Za-z0-9+/=]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final KeyedHash hash;
    private final String password;
    private final String format;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    PasswordTransformer(KeyedHash hash, String password, String format) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("option password is empty: give the test password people will sign in with");
        }
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("option format is '" + format + "': use one of " + FORMATS);
        }
        this.hash = hash;
        this.password = password;
        this.format = format;
    }

    @Override
    public String apply(String value, Row row) {
        if (value == null) {
            return null;
        }
        String kind = "same".equals(format) ? kindOf(value) : format;
        return hashes.computeIfAbsent(kind, this::hashAs);
    }

    /** The format of a stored hash, with what its hash needs to be alike (bcrypt's prefix and cost, PBKDF2's iterations). */
    private static String kindOf(String stored) {
        Matcher bcrypt = BCRYPT.matcher(stored);
        if (bcrypt.matches()) {
            return "bcrypt:" + bcrypt.group(1) + ":" + bcrypt.group(2);
        }
        Matcher pbkdf2 = PBKDF2.matcher(stored);
        if (pbkdf2.matches()) {
            return "pbkdf2:" + pbkdf2.group(1);
        }
        if (HEX.matcher(stored).matches()) {
            String upper = stored.equals(stored.toUpperCase(Locale.ROOT)) && !stored.equals(stored.toLowerCase(Locale.ROOT))
                    ? ":upper" : "";
            String digest = switch (stored.length()) {
                case 32 -> "md5";
                case 40 -> "sha1";
                case 64 -> "sha256";
                default -> null;
            };
            if (digest != null) {
                return digest + upper;
            }
        }
        return "plain";
    }

    private String hashAs(String kind) {
        String[] parts = kind.split(":");
        return switch (parts[0]) {
            case "bcrypt" -> parts.length == 3 ? bcrypt(parts[1], Integer.parseInt(parts[2])) : bcrypt("2a", 10);
            case "pbkdf2" -> pbkdf2(Integer.parseInt(parts[1]));
            case "md5", "sha1", "sha256" -> {
                String hex = digest(parts[0]);
                yield parts.length > 1 ? hex.toUpperCase(Locale.ROOT) : hex;
            }
            case "plain" -> password;
            default -> throw new IllegalStateException("no hash format " + kind);
        };
    }

    private String bcrypt(String version, int cost) {
        byte[] salt = hash.of("password-salt", "bcrypt");
        StringBuilder encoded = new StringBuilder("$" + version + "$" + String.format(Locale.ROOT, "%02d", cost) + "$");
        // bcrypt's own base64 of 16 salt bytes: 22 characters, the last carrying 4 bits
        for (int bit = 0; bit < 132; bit += 6) {
            int value = 0;
            for (int i = 0; i < 6; i++) {
                int at = bit + i;
                int b = at < 128 ? (salt[at / 8] >> (7 - at % 8)) & 1 : 0;
                value = (value << 1) | b;
            }
            encoded.append(BCRYPT_ALPHABET.charAt(value));
        }
        return BCrypt.hashpw(password, encoded.toString());
    }

    private String pbkdf2(int iterations) {
        String salt = hash.hex("password-salt", "pbkdf2", 12);
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] derived = factory.generateSecret(new PBEKeySpec(password.toCharArray(),
                    salt.getBytes(StandardCharsets.UTF_8), iterations, 256)).getEncoded();
            return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        }
    }

    private String digest(String algorithm) {
        String name = switch (algorithm) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            default -> "SHA-256";
        };
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is not available in this JVM", e);
        }
    }
}
