package io.envclone.anonymizer.discover;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of personal data discovery knows, with the transformer it proposes and the value types
 * it can be stored as. A column named like a kind but of another type is about the thing, not
 * the thing ({@code email_verified boolean}, {@code last_login timestamptz}).
 */
enum Kind {
    EMAIL("email", Map.of(), "an email address", Stored.TEXTUAL),
    PHONE("phone", Map.of(), "a phone number", Stored.IDENTIFIER),
    FIRST_NAME("first_name", Map.of(), "a first name", Stored.TEXTUAL),
    LAST_NAME("last_name", Map.of(), "a last name", Stored.TEXTUAL),
    FULL_NAME("name", Map.of(), "a person's name", Stored.TEXTUAL),
    COMPANY("company", Map.of(), "a company name", Stored.TEXTUAL),
    ADDRESS("address", Map.of(), "a street address", Stored.TEXTUAL),
    CITY("city", Map.of(), "a city", Stored.TEXTUAL),
    POSTAL_CODE("postal_code", Map.of(), "a postal code (a quasi-identifier: another of the same shape, never the row's own)",
            Stored.IDENTIFIER),
    SHORT_CODE("postal_code", Map.of(), "a short personal code, a phone extension or a card's last digits (a quasi-identifier:"
            + " another of the same shape, never the row's own)", Stored.IDENTIFIER),
    BIRTH_DATE("date", Map.of("keep", "year"), "a birth date (the year stays)", EnumSet.of(ValueType.DATE, ValueType.TEXT)),
    USERNAME("username", Map.of(), "a user name", Stored.TEXTUAL),
    PASSWORD("password", Map.of(), "a password or its hash", Stored.SECRET, "hash"),
    SECRET("hash", Map.of(), "a secret or a token", Stored.SECRET),
    IBAN("iban", Map.of(), "a bank account (IBAN)", Stored.IDENTIFIER),
    NATIONAL_ID("national_id", Map.of(), "an identity document or social security number", Stored.IDENTIFIER),
    CARD("card", Map.of(), "a payment card number", Stored.IDENTIFIER),
    IP_ADDRESS("null", Map.of(), "an IP or MAC address", EnumSet.of(ValueType.TEXT, ValueType.NETWORK, ValueType.ARRAY),
            "hash"),
    GEO("number", Map.of(), "a geographic coordinate", EnumSet.of(ValueType.NUMBER, ValueType.TEXT, ValueType.OTHER)),
    PAY("amount", Map.of(), "a salary or an income", EnumSet.of(ValueType.NUMBER, ValueType.TEXT, ValueType.OTHER)),
    LINK("template", Map.of("template", "https://example.invalid/{hash}"), "a link to a person's page or picture",
            Stored.TEXTUAL),
    FREE_TEXT("scrub", Map.of(), "free text", Stored.TEXTUAL),
    JSON("scrub", Map.of(), "JSON", EnumSet.of(ValueType.JSON)),
    SEARCH_VECTOR("tsvector", Map.of(), "a search vector of the row's text", EnumSet.of(ValueType.SEARCH)),
    BINARY("null", Map.of(), "binary content (a photo, a scan, a document)", EnumSet.of(ValueType.BINARY));

    /** Value types per family: text-like data may also sit in an array or a composite; numbers-as-ids in numbers. */
    private static final class Stored {
        static final Set<ValueType> TEXTUAL = EnumSet.of(ValueType.TEXT, ValueType.ARRAY, ValueType.OTHER);
        static final Set<ValueType> IDENTIFIER = EnumSet.of(ValueType.TEXT, ValueType.ARRAY, ValueType.OTHER,
                ValueType.NUMBER);
        static final Set<ValueType> SECRET = EnumSet.of(ValueType.TEXT, ValueType.BINARY, ValueType.OTHER);
    }

    final String transformer;
    final Map<String, String> options;
    final String what;
    final Set<ValueType> storedAs;
    /** What to try, in order, when the transformer does not fit the column (after these: null, when nullable). */
    final List<String> fallbacks;

    Kind(String transformer, Map<String, String> options, String what, Set<ValueType> storedAs, String... fallbacks) {
        this.transformer = transformer;
        this.options = options;
        this.what = what;
        this.storedAs = storedAs;
        this.fallbacks = List.of(fallbacks);
    }

    boolean storableAs(ValueType type) {
        return storedAs.contains(type);
    }

    /** Kinds whose fake values come from a pool and may repeat: a unique column needs a template with {hash}. */
    String uniqueTemplate() {
        return switch (this) {
            case FIRST_NAME, LAST_NAME, FULL_NAME -> "name-{hash}";
            case COMPANY -> "company-{hash}";
            case ADDRESS -> "address-{hash}";
            case CITY -> "city-{hash}";
            default -> null;
        };
    }
}
