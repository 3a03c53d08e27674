package io.envclone.api.fingerprint;

import java.nio.ByteBuffer;

/**
 * A clone's fingerprint filter arriving in parts, each a request of {@link #PART_BYTES} or fewer,
 * so no request grows with the source (a body limit never stops a large clone) and nobody holds
 * the filter twice: the parts are written straight into its words. Parts come in order from 0; a
 * part sent again (a retry after a lost answer) overwrites itself.
 */
public final class FingerprintUpload {

    /** The size of a part the command sends: well under any service's body limit. */
    public static final int PART_BYTES = 256 * 1024;

    private final long total;
    private final long[] words;
    private long received;

    /** An upload of {@code total} bytes (as {@link SourceFingerprints#byteSize()} says); a bad size names {@code total}. */
    public FingerprintUpload(long total) {
        long payload = total - SourceFingerprints.HEADER_BYTES;
        if (payload < 0 || payload % 8 != 0 || payload / 8 > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("total must be the byte size of the cloner's fingerprints (8 bytes and"
                    + " whole 64-bit words), got " + total);
        }
        this.total = total;
        this.words = new long[(int) (payload / 8)];
    }

    public long total() {
        return total;
    }

    public synchronized long received() {
        return received;
    }

    public synchronized boolean complete() {
        return received == total;
    }

    /** The part of the filter's bytes that starts at {@code offset}; a misplaced part names {@code offset}. */
    public synchronized void accept(long offset, byte[] part) {
        if (offset < 0 || offset % 8 != 0 || offset > received) {
            throw new IllegalArgumentException("offset must be where the next part starts (" + received + ", a multiple"
                    + " of 8): send the parts in order from 0, got " + offset);
        }
        if (part.length % 8 != 0 && offset + part.length != total || offset + part.length > total) {
            throw new IllegalArgumentException("offset " + offset + " with " + part.length + " bytes does not fit the "
                    + total + " announced: send whole 64-bit words, none past the end");
        }
        ByteBuffer in = ByteBuffer.wrap(part);
        if (offset == 0) {
            if (part.length < SourceFingerprints.HEADER_BYTES || in.getInt() != SourceFingerprints.version()
                    || in.getInt() != words.length) {
                throw new IllegalArgumentException("fingerprints: the first part is not the header of a filter of version "
                        + SourceFingerprints.version() + " with " + words.length + " words: send the cloner's bytes as"
                        + " they are");
            }
        }
        int word = (int) ((Math.max(offset, SourceFingerprints.HEADER_BYTES) - SourceFingerprints.HEADER_BYTES) / 8);
        in.asLongBuffer().get(words, word, in.remaining() / 8);
        received = Math.max(received, offset + part.length);
    }

    /** The filter, once every part arrived. */
    public synchronized SourceFingerprints fingerprints(String fingerprintKey) {
        if (!complete()) {
            throw new IllegalArgumentException("fingerprints: only " + received + " of " + total + " bytes were"
                    + " uploaded: send the remaining parts first");
        }
        return SourceFingerprints.ofWords(SourceFingerprints.requestKey(fingerprintKey), words);
    }
}
