package io.envclone.api.fingerprint;

import io.envclone.api.secret.HmacSha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;

/**
 * The source's sensitive values as a keyed Bloom filter: the cloner adds every value of the
 * columns that have rules, the anonymizer draws again when a fake would be one of them, and the
 * validator's leak gate looks for them in what is about to land. Without the key (the clone's,
 * never stored with the filter) nobody can test a guess against it; with it, one can only ask
 * "was this value in the source?" and get a yes that is wrong about once in a hundred thousand.
 *
 * <p>Values are compared in normal forms, so spelling does not hide a value: lower case without
 * outer spaces; a value of 7 digits or more written with separators only (a phone, an id, a card)
 * also by its digits, and by its last 9 digits (a phone with or without its country code);
 * an IBAN-like value also without spaces.
 */
public final class SourceFingerprints {

    private static final int HASHES = 17; // ln 2 × 24 bits per value: about 1 false yes in 100,000
    private static final int BITS_PER_VALUE = 24;
    private static final int VERSION = 1;
    /** An IBAN written in groups, lower-cased: compiled once, where {@code String.matches} compiled it per value. */
    private static final java.util.regex.Pattern SPACED_IBAN = java.util.regex.Pattern.compile("[a-z]{2}\\d{2}[a-z0-9 ]+");

    private final long[] bits;
    private final long size;
    private final ThreadLocal<Mac> macs;

    private SourceFingerprints(byte[] key, long[] bits) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the fingerprint key must be at least 16 bytes");
        }
        this.bits = bits;
        this.size = (long) bits.length * 64;
        this.macs = HmacSha256.perThread(key);
    }

    /** An empty filter sized for {@code expectedValues} values (each of its normal forms counts). */
    public static SourceFingerprints sized(byte[] key, long expectedValues) {
        long wanted = Math.max(1024, expectedValues * 3 * BITS_PER_VALUE);
        return new SourceFingerprints(key, new long[(int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64)]);
    }

    /** A filter as {@link #toBytes()} wrote it. */
    public static SourceFingerprints fromBytes(byte[] key, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || in.getInt() != VERSION) {
            throw new IllegalArgumentException("not a fingerprint filter of version " + VERSION);
        }
        int words = in.getInt();
        if (in.remaining() != words * 8L) {
            throw new IllegalArgumentException("fingerprint filter is cut: " + in.remaining() + " bytes for " + words + " words");
        }
        long[] bits = new long[words];
        in.asLongBuffer().get(bits);
        return new SourceFingerprints(key, bits);
    }

    public static SourceFingerprints fromBase64(byte[] key, String base64) {
        return fromBytes(key, Base64.getDecoder().decode(base64));
    }

    /**
     * From a request's two base64 fields; a refusal's message begins with the field at fault
     * ({@code fingerprints} or {@code fingerprintKey}) and says what to give.
     */
    public static SourceFingerprints fromRequest(String fingerprints, String fingerprintKey) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(fingerprintKey == null ? "" : fingerprintKey);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("fingerprintKey must be base64 of the at least 16 bytes the fingerprints"
                    + " were made with, given with them");
        }
        try {
            return fromBase64(key, fingerprints == null ? "" : fingerprints);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprints are not the cloner's source fingerprints (" + e.getMessage()
                    + "): send them as the cloner gave them, in base64");
        }
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(8 + bits.length * 8);
        out.putInt(VERSION).putInt(bits.length);
        out.asLongBuffer().put(bits);
        return out.array();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(toBytes());
    }

    public synchronized void add(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        for (String form : forms(value)) {
            long[] at = positions(form);
            for (long position : at) {
                bits[(int) (position >>> 6)] |= 1L << position;
            }
        }
    }

    /** Whether {@code value}, in any of its normal forms, was (very probably) in the source. */
    public boolean mightContain(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        for (String form : forms(value)) {
            if (hasAll(positions(form))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasAll(long[] positions) {
        for (long position : positions) {
            if ((bits[(int) (position >>> 6)] & (1L << position)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Positions by double hashing of one keyed hash (Kirsch and Mitzenmacher): as good as independent ones. */
    private long[] positions(String form) {
        byte[] hash = macs.get().doFinal(form.getBytes(StandardCharsets.UTF_8));
        ByteBuffer words = ByteBuffer.wrap(hash);
        long first = words.getLong();
        long second = words.getLong() | 1;
        long[] positions = new long[HASHES];
        for (int i = 0; i < HASHES; i++) {
            positions[i] = Long.remainderUnsigned(first + i * second, size);
        }
        return positions;
    }

    /** The normal forms of a value, as the class comment says. */
    static List<String> forms(String value) {
        List<String> forms = new ArrayList<>(3);
        String plain = value.strip().toLowerCase(Locale.ROOT);
        forms.add(plain);
        StringBuilder digits = new StringBuilder();
        boolean onlySeparators = true;
        boolean spaced = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == ' ') {
                spaced = true;
            } else if ("+-.()/".indexOf(c) < 0) {
                onlySeparators = false;
            }
        }
        if (onlySeparators && digits.length() >= 7) {
            forms.add("#" + digits);
            if (digits.length() >= 9) {
                forms.add("#~" + digits.substring(digits.length() - 9));
            }
        } else if (spaced && plain.length() <= 42 && SPACED_IBAN.matcher(plain).matches()) {
            forms.add(plain.replace(" ", ""));
        }
        return forms;
    }
}
