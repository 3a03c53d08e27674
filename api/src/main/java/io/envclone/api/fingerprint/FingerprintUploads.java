package io.envclone.api.fingerprint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprint uploads a service holds, per clone, until the request that needs them (a
 * registration, a landing) takes them. That request may instead carry small fingerprints inline
 * (base64), as a script or a test sends them.
 */
public final class FingerprintUploads {

    private final Map<String, FingerprintUpload> uploads = new ConcurrentHashMap<>();

    /** A part of clone {@code cloneId}'s filter; the part at 0 starts a new upload of {@code total} bytes. */
    public void accept(String cloneId, Long offset, Long total, byte[] part) {
        if (offset == null || total == null) {
            throw new IllegalArgumentException((offset == null ? "offset" : "total") + " is missing: give ?offset=&total="
                    + " with each part");
        }
        FingerprintUpload upload = offset == 0 ? uploads.compute(cloneId, (id, held) -> held != null
                && held.total() == total && held.received() == 0 ? held : new FingerprintUpload(total))
                : uploads.get(cloneId);
        if (upload == null || upload.total() != total) {
            throw new IllegalArgumentException("offset " + offset + " continues no upload of " + total + " bytes for clone "
                    + cloneId + ": start with the part at offset 0");
        }
        upload.accept(offset, part == null ? new byte[0] : part);
    }

    /**
     * The clone's fingerprints: {@code inline} (base64) when given, else its upload, whole, taken from
     * here; null when neither came. A refusal's message begins with the field at fault.
     */
    public SourceFingerprints take(String cloneId, String inline, String fingerprintKey) {
        if (inline != null && !inline.isEmpty()) {
            return SourceFingerprints.fromRequest(inline, fingerprintKey);
        }
        FingerprintUpload upload = uploads.get(cloneId);
        if (upload == null) {
            return null;
        }
        SourceFingerprints fingerprints = upload.fingerprints(fingerprintKey);
        uploads.remove(cloneId, upload);
        return fingerprints;
    }
}
