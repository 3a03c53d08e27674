package io.envclone.anonymizer.discover;

import java.util.Locale;
import java.util.Set;

/** What a column's PostgreSQL type says about its values, as far as finding personal data goes. */
enum ValueType {
    TEXT, ENUM, JSON, NUMBER, DATE, BOOLEAN, UUID, ARRAY, BINARY, SEARCH, NETWORK, OTHER;

    private static final Set<String> TEXT_TYPES = Set.of("text", "character varying", "varchar", "character", "char",
            "bpchar", "citext", "name");
    private static final Set<String> NUMBER_TYPES = Set.of("smallint", "integer", "bigint", "numeric", "decimal", "real",
            "double precision", "money");

    /** {@code type} as format_type writes it; a schema prefix ({@code extensions.citext}) and a length are ignored. */
    static ValueType of(String type) {
        String name = bare(type);
        if (name.endsWith("[]")) {
            return ARRAY;
        }
        if (TEXT_TYPES.contains(name)) {
            return TEXT;
        }
        if (NUMBER_TYPES.contains(name)) {
            return NUMBER;
        }
        if (name.equals("date") || name.startsWith("timestamp") || name.startsWith("time ") || name.equals("time")
                || name.equals("interval")) {
            return DATE;
        }
        return switch (name) {
            case "enum" -> ENUM;
            case "json", "jsonb" -> JSON;
            case "boolean" -> BOOLEAN;
            case "uuid" -> UUID;
            case "bytea" -> BINARY;
            case "tsvector" -> SEARCH;
            case "inet", "cidr", "macaddr", "macaddr8" -> NETWORK;
            default -> OTHER;
        };
    }

    /** The type without its schema or length: {@code extensions.citext} is {@code citext}. */
    static String bare(String type) {
        String name = type == null ? "" : type.strip().toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "");
        int dot = name.lastIndexOf('.');
        return (dot >= 0 ? name.substring(dot + 1) : name).replace("\"", "").strip();
    }
}
