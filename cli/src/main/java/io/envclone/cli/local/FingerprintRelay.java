package io.envclone.cli.local;

import io.envclone.api.fingerprint.FingerprintUpload;
import java.io.IOException;
import java.util.List;

/**
 * A clone's source fingerprints from the cloner to the services that need them, a part at a time:
 * read as they stream in, PUT in parts of {@link FingerprintUpload#PART_BYTES}. Neither this
 * command nor any request holds more than a part, whatever the size of the source.
 */
final class FingerprintRelay {

    /** Where a part goes: a service and the path of the clone's fingerprint upload there. */
    record Destination(ServiceClient service, String path) {
    }

    private FingerprintRelay() {
    }

    /** Relays clone {@code cloneId}'s fingerprints; returns their size in bytes. */
    static long relay(ServiceClient cloner, String cloneId, List<Destination> destinations) {
        try (ServiceClient.Download filter = cloner.download("/api/clone/" + cloneId + "/fingerprints")) {
            long offset = 0;
            do {
                byte[] part = filter.body().readNBytes(FingerprintUpload.PART_BYTES);
                if (part.length == 0 && offset < filter.length()) {
                    throw new IllegalStateException("the cloner's fingerprints ended after " + offset + " of "
                            + filter.length() + " bytes");
                }
                for (Destination destination : destinations) {
                    destination.service().putBytes(destination.path() + "?offset=" + offset + "&total=" + filter.length(),
                            part);
                }
                offset += part.length;
            } while (offset < filter.length());
            return offset;
        } catch (IOException e) {
            throw new ServiceClient.UnreachableException("cloner", "the cloner's fingerprints of " + cloneId
                    + " could not be read: " + e.getMessage(), e);
        }
    }
}
