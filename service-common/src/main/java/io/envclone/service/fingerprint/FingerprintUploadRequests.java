package io.envclone.service.fingerprint;

import io.envclone.api.fingerprint.FingerprintUploads;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.service.problem.InvalidRequestException;
import jakarta.ws.rs.core.Response;

/**
 * {@link FingerprintUploads} as a service's REST resources use them: the anonymizer's registration
 * and the validator's landing take fingerprints the same way, and a refusal is a 400 naming the field.
 */
public final class FingerprintUploadRequests {

    private final FingerprintUploads uploads = new FingerprintUploads();

    /** {@code PUT .../fingerprints?offset=&total=}: a part taken, 204. */
    public Response accept(String cloneId, Long offset, Long total, byte[] part) {
        try {
            uploads.accept(cloneId, offset, total, part);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.fromFieldMessage(e);
        }
        return Response.noContent().build();
    }

    /** The clone's fingerprints, inline or uploaded (see {@link FingerprintUploads#take}); null when neither came. */
    public SourceFingerprints take(String cloneId, String inline, String fingerprintKey) {
        try {
            return uploads.take(cloneId, inline, fingerprintKey);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.fromFieldMessage(e);
        }
    }
}
