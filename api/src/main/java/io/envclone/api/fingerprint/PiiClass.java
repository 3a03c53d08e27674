package io.envclone.api.fingerprint;

import java.util.Locale;
import java.util.Map;

/**
 * The classes of personal data, and what a leak of each is: the one table the transformers (which
 * draw again when a fake is a source value of their class), discovery, the cloner's fingerprints,
 * the validator's leak gate and its final scan all read, so the gate never refuses what a
 * transformer was allowed to produce.
 *
 * <p>An identifying value names someone on its own: a copy must never hold any source value of its
 * class, whole or inside a text. A quasi-identifier (a first name alone, a city, a postal code, a
 * birth date) is shared by many people: a fake must differ from its own row's original and may equal
 * another row's, so quasi values are never looked up in the fingerprints.
 */
public enum PiiClass {
    EMAIL(true),
    PHONE(true),
    NATIONAL_ID(true),
    IBAN(true),
    CARD(true),
    USERNAME(true),
    FULL_NAME(true),
    COMPANY(true),
    STREET_ADDRESS(true),
    /** Passwords, their hashes, tokens, and values of a template or hash rule: distinctive strings. */
    SECRET(true),
    FIRST_NAME(false),
    LAST_NAME(false),
    /** Dealt: a report or a view grouped by city keeps its groups. */
    CITY(false, true),
    POSTAL_CODE(false),
    BIRTH_DATE(false),
    /**
     * A whole prose value of a free-text or JSON column ({@link FreeText}): never in the copy whole,
     * but its words are no one's on their own, so it is never looked for inside other text.
     */
    FREE_TEXT(false);

    private final boolean identifying;
    private final boolean dealt;

    PiiClass(boolean identifying) {
        this(identifying, false);
    }

    PiiClass(boolean identifying, boolean dealt) {
        this.identifying = identifying;
        this.dealt = dealt;
    }

    /**
     * Whether its fakes are dealt one per distinct source value, while the source has few of them
     * ({@link DealtDomains}): two source values never get the same fake, so grouping by the column
     * gives as many groups in the copy as in the source.
     */
    public boolean dealt() {
        return dealt;
    }

    /** Whether a source value of this class, anywhere in the copy, is a leak. */
    public boolean identifying() {
        return identifying;
    }

    /** The name rules and reports use: {@code full_name}, {@code postal_code}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final Map<String, PiiClass> BY_TRANSFORMER = Map.ofEntries(
            Map.entry("email", EMAIL),
            Map.entry("phone", PHONE),
            Map.entry("national_id", NATIONAL_ID),
            Map.entry("iban", IBAN),
            Map.entry("card", CARD),
            Map.entry("username", USERNAME),
            Map.entry("name", FULL_NAME),
            Map.entry("company", COMPANY),
            Map.entry("address", STREET_ADDRESS),
            Map.entry("password", SECRET),
            Map.entry("hash", SECRET),
            Map.entry("template", SECRET),
            Map.entry("custom", SECRET),
            Map.entry("first_name", FIRST_NAME),
            Map.entry("last_name", LAST_NAME),
            Map.entry("city", CITY),
            Map.entry("postal_code", POSTAL_CODE),
            Map.entry("date", BIRTH_DATE));

    /**
     * The class of the values a column with this transformer holds in the source, or null when its
     * values are no class of their own: free text and JSON ({@code scrub}: what counts is the tokens
     * inside), numbers, and columns emptied, kept or recomputed. {@code financial} is a card with
     * {@code format: card}, else an IBAN.
     */
    public static PiiClass ofRule(String transformer, Map<String, String> options) {
        if (transformer == null) {
            return null;
        }
        String type = transformer.toLowerCase(Locale.ROOT);
        if (type.equals("financial")) {
            return "card".equals(options.get("format")) ? CARD : IBAN;
        }
        return BY_TRANSFORMER.get(type);
    }

    /** By {@link #label()}; null when {@code label} is none. */
    public static PiiClass ofLabel(String label) {
        for (PiiClass candidate : values()) {
            if (candidate.label().equals(label)) {
                return candidate;
            }
        }
        return null;
    }
}
