package io.envclone.anonymizer.discover;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether one column holds personal data, and why. In order: generated columns and number or uuid
 * keys are not (keys of text are read for content: an email can be a key); then the type when it says enough
 * (JSON, tsvector, bytea, inet); then the name (and a composite type's name); then the sampled
 * values; last, what the type says when nothing else did. Free text with no sample to read is
 * sensitive until shown otherwise.
 */
final class ColumnJudge {

    /** {@code kind} null: not sensitive. */
    record Judgement(Kind kind, String reason, Evidence evidence) {
    }

    private ColumnJudge() {
    }

    static Judgement judge(SchemaColumn column, List<String> values) {
        ValueType type = ValueType.of(column.type());
        if (column.generated()) {
            return cleared("generated: the clone computes it again from its columns' anonymized values", Evidence.TYPE);
        }
        if (column.key() && type == ValueType.TEXT) {
            // an email or a login can be a key: its values tell
            return byContent(column, values).orElse(cleared("key of type " + column.type()
                    + " with no sampled value to read", Evidence.TYPE));
        }
        if (column.key() && (type == ValueType.NUMBER || type == ValueType.UUID)) {
            return cleared("key of type " + column.type() + ": it joins rows, its value means nothing by itself",
                    Evidence.TYPE);
        }
        Optional<Judgement> byType = byType(column, type, values);
        if (byType.isPresent()) {
            return byType.get();
        }
        Optional<NameClassifier.Verdict> name = NameClassifier.classify(column.table(), column.column());
        if (name.isPresent() && (name.get().kind() == null || name.get().kind().storableAs(type))) {
            return new Judgement(name.get().kind(), name.get().reason(), Evidence.NAME);
        }
        if (type == ValueType.OTHER) {
            Optional<NameClassifier.Verdict> typeName = NameClassifier.classify(column.table(), ValueType.bare(column.type()))
                    .filter(verdict -> verdict.kind() != null && verdict.kind().storableAs(type));
            if (typeName.isPresent()) {
                return new Judgement(typeName.get().kind(), "type " + typeName.get().reason(), Evidence.TYPE);
            }
        }
        if (type == ValueType.TEXT || type == ValueType.ARRAY || type == ValueType.OTHER) {
            Optional<Judgement> content = byContent(column, values);
            if (content.isPresent()) {
                return content.get();
            }
            if (type == ValueType.TEXT) {
                return new Judgement(Kind.FREE_TEXT, "type " + column.type() + " with no sampled value to show it holds"
                        + " nothing personal: sensitive until shown otherwise", Evidence.TYPE);
            }
        }
        return cleared(whatTheTypeSays(column.type(), type), Evidence.TYPE);
    }

    /** Types that decide by themselves: what they hold is personal whatever the column is named. */
    private static Optional<Judgement> byType(SchemaColumn column, ValueType type, List<String> values) {
        String prefix = "type " + column.type() + ": ";
        return Optional.ofNullable(switch (type) {
            case JSON -> new Judgement(Kind.JSON, prefix + "JSON is sensitive until shown otherwise"
                    + personalKeys(column, values), Evidence.TYPE);
            case SEARCH -> new Judgement(Kind.SEARCH_VECTOR, prefix + "it holds the words of the row's text",
                    Evidence.TYPE);
            case BINARY -> new Judgement(Kind.BINARY, prefix + "binary content (a photo, a scan, a document) cannot be"
                    + " read for personal data", Evidence.TYPE);
            case NETWORK -> new Judgement(Kind.IP_ADDRESS, prefix + "a network address", Evidence.TYPE);
            default -> null;
        });
    }

    private static Optional<Judgement> byContent(SchemaColumn column, List<String> values) {
        return ContentClassifier.read(values).map(reading -> new Judgement(reading.kind(), reading.reason(), Evidence.CONTENT));
    }

    private static String personalKeys(SchemaColumn column, List<String> values) {
        Map<String, String> keys = JsonKeys.personal(column.table(), values);
        return keys.isEmpty() ? "" : "; keys that read as personal in the sample: " + keys.entrySet().stream()
                .map(key -> key.getKey() + " (" + key.getValue() + ")").collect(Collectors.joining(", "));
    }

    private static String whatTheTypeSays(String name, ValueType type) {
        String prefix = "type " + name + ": ";
        return prefix + switch (type) {
            case NUMBER -> "a number (a count, an amount, a code), and the name says nothing personal";
            case DATE -> "a date or a time, and the name does not say it is a birth date";
            case BOOLEAN -> "a flag";
            case ENUM -> "one of a fixed list of labels";
            case UUID -> "a generated identifier";
            default -> "no sampled value and a name that says nothing personal";
        };
    }

    private static Judgement cleared(String reason, Evidence evidence) {
        return new Judgement(null, reason, evidence);
    }
}
