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
 * The source's sensitive values as a keyed Bloom filter, each under its {@link PiiClass}: the
 * cloner adds every value of the columns that have rules, the anonymizer draws again when a fake
 * would be one of its class and finds source values inside free text, and the validator's leak
 * gate and scan look for them in the copy. Without the key (the clone's, never stored with the
 * filter) nobody can test a guess against it.
 *
 * <p>The filter also holds, per column, the tokens (emails, phone-length digit runs, ids, IBANs)
 * that the source's columns without a rule hold inside their text: such a token reaching the same
 * column of the copy unchanged is public ({@link #isPublic}), not a leak.
 *
 * <p><b>False positives.</b> Each form's keyed hash (HMAC-SHA256) gives two independent 128-bit
 * halves; each half sets {@value #HASHES_PER_HALF} bits, and a lookup counts only when both halves
 * find all theirs: the second half confirms the first, as a second independent key would, for one
 * hash. At {@value #BITS_PER_FORM} bits a form the chance that a value never added answers yes is
 * about 2 in 10<sup>12</sup> per class asked; a clone that asks a billion questions of ten classes
 * meets one such chance in fifty.
 *
 * <p>For the classes whose fakes are dealt one per value (cities), the filter also keeps the keyed
 * tokens of their distinct values while there are few ({@link DealtDomains}), and tells a value's
 * rank among them ({@link #rank}).
 *
 * <p>Values are compared in normal forms, so spelling does not hide a value: lower case without
 * outer spaces; its words (runs of letters and digits) joined by one space, and the first four of
 * them, so a name or a login is found inside text whatever separates its parts; a value of 7 digits
 * or more written with separators only (a phone, an id, a card) also by its digits, and by its last
 * 9 digits (a phone with or without its country code); an IBAN-like value also without spaces.
 */
public final class SourceFingerprints {

    static final int HASHES_PER_HALF = 19;
    static final int BITS_PER_FORM = 56;
    /** A value has about three normal forms: the filter is sized for that. */
    private static final int FORMS_PER_VALUE = 3;
    /** Longer texts are matched by their first words: a text holding the whole value holds those. */
    public static final int MAX_WORDS = 4;
    /** The most distinct source values of a class whose fakes are dealt one each ({@link PiiClass#dealt()}). */
    public static final int DEALT_MAX_VALUES = DealtDomains.MAX_VALUES;
    private static final int VERSION = 3;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** An IBAN written in groups, lower-cased: compiled once, where {@code String.matches} compiled it per value. */
    private static final java.util.regex.Pattern SPACED_IBAN = java.util.regex.Pattern.compile("[a-z]{2}\\d{2}[a-z0-9 ]+");

    /**
     * The filter's words as they travel: {@code words[0]} is the number of words of bits, the bits
     * follow from {@link #BITS_AT}, then the dealt domains. Kept as one array, so an upload's words are
     * the filter without a copy.
     */
    private final long[] words;
    private static final int BITS_AT = 1;
    private final int bitWords;
    private final long size;
    private final DealtDomains domains;
    private final ThreadLocal<Mac> macs;

    private SourceFingerprints(byte[] key, long[] words) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the fingerprint key must be at least 16 bytes");
        }
        if (words.length < BITS_AT || words[0] < 1 || words[0] > words.length - BITS_AT) {
            throw new IllegalArgumentException("fingerprint filter is cut: its first word must count the words of bits"
                    + " that follow");
        }
        this.words = words;
        this.bitWords = (int) words[0];
        this.size = (long) bitWords * 64;
        this.domains = DealtDomains.of(words, BITS_AT + bitWords);
        this.macs = HmacSha256.perThread(key);
    }

    /** An empty filter sized for {@code expectedValues} values (their normal forms and classes counted). */
    public static SourceFingerprints sized(byte[] key, long expectedValues) {
        long wanted = Math.max(4096, expectedValues * FORMS_PER_VALUE * BITS_PER_FORM);
        int bitWords = (int) Math.min(Integer.MAX_VALUE - 16, (wanted + 63) / 64);
        long[] words = new long[BITS_AT + bitWords];
        words[0] = bitWords;
        return new SourceFingerprints(key, words);
    }

    /** A filter as {@link #toBytes()} wrote it. */
    public static SourceFingerprints fromBytes(byte[] key, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 8 || in.getInt() != VERSION) {
            throw new IllegalArgumentException("not a fingerprint filter of version " + VERSION);
        }
        int count = in.getInt();
        if (in.remaining() != count * 8L) {
            throw new IllegalArgumentException("fingerprint filter is cut: " + in.remaining() + " bytes for " + count + " words");
        }
        long[] words = new long[count];
        in.asLongBuffer().get(words);
        return new SourceFingerprints(key, words);
    }

    public static SourceFingerprints fromBase64(byte[] key, String base64) {
        return fromBytes(key, Base64.getDecoder().decode(base64));
    }

    /**
     * From a request's two base64 fields; a refusal's message begins with the field at fault
     * ({@code fingerprints} or {@code fingerprintKey}) and says what to give.
     */
    public static SourceFingerprints fromRequest(String fingerprints, String fingerprintKey) {
        byte[] key = requestKey(fingerprintKey);
        try {
            return fromBase64(key, fingerprints == null ? "" : fingerprints);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprints are not the cloner's source fingerprints (" + e.getMessage()
                    + "): send them as the cloner gave them, in base64");
        }
    }

    /** A request's {@code fingerprintKey}, decoded; a refusal's message begins with the field. */
    static byte[] requestKey(String fingerprintKey) {
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
        return key;
    }

    /** A filter from its words, as an upload assembled them. */
    static SourceFingerprints ofWords(byte[] key, long[] words) {
        return new SourceFingerprints(key, words);
    }

    /** The header of {@link #toBytes()}: the version, then the number of 64-bit words that follow. */
    static final int HEADER_BYTES = 8;

    static int version() {
        return VERSION;
    }

    /** Writes what {@link #toBytes()} returns, a part at a time, without a copy of the whole. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        long[] dealt = domains.toWords();
        ByteBuffer part = ByteBuffer.allocate(64 * 1024);
        part.putInt(VERSION).putInt(BITS_AT + bitWords + dealt.length);
        for (int at = 0; at < BITS_AT + bitWords + dealt.length; at++) {
            if (!part.hasRemaining()) {
                out.write(part.array(), 0, part.position());
                part.clear();
            }
            part.putLong(at < BITS_AT + bitWords ? words[at] : dealt[at - BITS_AT - bitWords]);
        }
        out.write(part.array(), 0, part.position());
    }

    /** The size in bytes of what {@link #writeTo} writes. */
    public long byteSize() {
        return HEADER_BYTES + (BITS_AT + bitWords + (long) domains.toWords().length) * 8L;
    }

    public byte[] toBytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) byteSize());
        try {
            writeTo(out);
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(toBytes());
    }

    /** Adds {@code value}, a source value of class {@code of}, in each of its normal forms. */
    public void add(PiiClass of, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> forms = forms(of, value);
        for (String form : forms) {
            long[] hash = hash(form);
            if (asks(of, form)) {
                set(positions(hash, of.ordinal()));
            }
            if (form == forms.get(0)) {
                domains.add(of, hash[0]);
            }
        }
    }

    /**
     * The rank of {@code value} among the distinct source values of {@code of} (by their keyed tokens,
     * so in an order the key decides), or -1 when it is none of them or the class has no domain.
     */
    public int rank(PiiClass of, String value) {
        if (value == null || value.isBlank() || domains.size(of) < 0) {
            return -1;
        }
        return domains.rank(of, hash(forms(value).get(0))[0]);
    }

    /** How many distinct source values of {@code of} there are, or -1 when there are too many to deal their fakes. */
    public int domainSize(PiiClass of) {
        return domains.size(of);
    }

    /** A free text is itself whole, in any case and punctuation: its first words are not it. */
    private static List<String> forms(PiiClass of, String value) {
        List<String> forms = forms(value);
        List<String> words = of == PiiClass.FREE_TEXT ? Words.of(value.strip().toLowerCase(Locale.ROOT)) : List.of();
        if (words.size() > MAX_WORDS) {
            String firstWords = String.join(" ", words.subList(0, MAX_WORDS));
            return forms.stream().filter(form -> !form.equals(firstWords)).toList();
        }
        return forms;
    }

    /**
     * Whether {@code form} is one of class {@code of}: the last 9 digits are a phone's form only. A
     * phone is the same in any national spelling, while 9 digits of an 18-digit id are not the id
     * (and a fake phone would too often end like one of 50,000 ids).
     */
    private static boolean asks(PiiClass of, String form) {
        return of == PiiClass.PHONE || !form.startsWith(LAST_DIGITS);
    }

    private static final String LAST_DIGITS = "#~";

    /** Adds {@code token}, found inside a value of {@code column} ({@code schema.table.column}), which has no rule. */
    public void addPublic(String column, String token) {
        for (String form : forms(token)) {
            set(positions(hash(publicForm(column, form)), 0));
        }
    }

    /** Whether {@code value}, in any of its normal forms, was (very probably) a source value of class {@code of}. */
    public boolean contains(PiiClass of, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        for (String form : forms(of, value)) {
            if (asks(of, form) && has(hash(form), of.ordinal())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first identifying class that holds {@code value} in one of its normal forms, or null: one
     * keyed hash a form, whatever the number of classes asked.
     */
    public PiiClass identifying(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (String form : forms(value)) {
            long[] hash = hash(form);
            for (PiiClass candidate : PiiClass.values()) {
                if (candidate.identifying() && asks(candidate, form) && has(hash, candidate.ordinal())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Whether the source holds {@code token} inside a value of {@code column}, a column without a rule. */
    public boolean isPublic(String column, String token) {
        for (String form : forms(token)) {
            if (has(hash(publicForm(column, form)), 0)) {
                return true;
            }
        }
        return false;
    }

    private static String publicForm(String column, String form) {
        return "public\u0000" + column + "\u0000" + form;
    }

    private synchronized void set(long[] positions) {
        for (long position : positions) {
            words[BITS_AT + (int) (position >>> 6)] |= 1L << position;
        }
    }

    /**
     * Whether every position of {@code hash} under {@code tag} is set; each is computed only once the one before it
     * was found set, so a form never added usually costs one probe of memory.
     */
    private boolean has(long[] hash, int tag) {
        for (int at = 0; at < 2 * HASHES_PER_HALF; at++) {
            long position = position(hash, tag, at);
            if ((words[BITS_AT + (int) (position >>> 6)] & (1L << position)) == 0) {
                return false;
            }
        }
        return true;
    }

    private long[] hash(String form) {
        ByteBuffer words = ByteBuffer.wrap(macs.get().doFinal(form.getBytes(StandardCharsets.UTF_8)));
        return new long[] {words.getLong(), words.getLong(), words.getLong(), words.getLong()};
    }

    private long[] positions(long[] hash, int tag) {
        long[] positions = new long[2 * HASHES_PER_HALF];
        for (int at = 0; at < positions.length; at++) {
            positions[at] = position(hash, tag, at);
        }
        return positions;
    }

    /**
     * The {@code at}-th position: two halves of {@value #HASHES_PER_HALF} by double hashing (Kirsch and
     * Mitzenmacher), each from its own half of the keyed hash, mixed with the tag (the class) so each class is a
     * filter of its own.
     */
    private long position(long[] hash, int tag, int at) {
        int half = at / HASHES_PER_HALF;
        long first = mix(hash[2 * half] + tag * GOLDEN);
        long second = mix(hash[2 * half + 1] ^ (tag * GOLDEN)) | 1;
        return Long.remainderUnsigned(first + (at % HASHES_PER_HALF) * second, size);
    }

    /** SplitMix64's finaliser: a bijection that spreads every bit of its input over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The normal forms of a value, as the class comment says. */
    static List<String> forms(String value) {
        List<String> forms = new ArrayList<>(4);
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
                forms.add(LAST_DIGITS + digits.substring(digits.length() - 9));
            }
            return forms;
        }
        if (spaced && plain.length() <= 42 && SPACED_IBAN.matcher(plain).matches()) {
            forms.add(plain.replace(" ", ""));
        }
        List<String> words = Words.of(plain);
        String joined = String.join(" ", words);
        if (!joined.equals(plain) && joined.length() >= Words.MIN_LENGTH) {
            forms.add(joined);
        }
        if (words.size() > MAX_WORDS) {
            forms.add(String.join(" ", words.subList(0, MAX_WORDS)));
        }
        return forms;
    }
}
