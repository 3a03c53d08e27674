package io.envclone.api.fingerprint;

/**
 * How an email and an IBAN are found inside free text, one definition for the two that look: the
 * anonymizer's scrubber, which replaces them, and the validator's leak gate, which looks them up
 * in the source's fingerprints. Regular expressions without groups, to embed in others.
 */
public final class TextPatterns {

    /**
     * An email, started where its local part starts and never giving characters back: linear in the
     * text, where trying it from every letter of every word was most of the scrubber's time.
     */
    public static final String EMAIL = "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@"
            + "[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";
    /** An IBAN as people write it: country, check digits, then groups of four with or without spaces. */
    public static final String IBAN = "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b";

    private TextPatterns() {
    }
}
