package io.envclone.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The labels of a {@code CREATE TYPE ... AS ENUM (...)} statement, in order. */
final class EnumLabels {

    private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

    private EnumLabels() {
    }

    static boolean isEnum(String createSql) {
        return createSql.contains(" AS ENUM (");
    }

    static List<String> of(String createSql) {
        List<String> labels = new ArrayList<>();
        Matcher matcher = LABEL.matcher(createSql.substring(createSql.indexOf(" AS ENUM (")));
        while (matcher.find()) {
            labels.add("'" + matcher.group(1) + "'");
        }
        return labels;
    }

    /** ALTER TYPE ... ADD VALUE for each label the target lacks, placed as in the source. */
    static List<String> additions(String typeName, List<String> target, List<String> source) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            String label = source.get(i);
            if (target.contains(label)) {
                continue;
            }
            String place = i + 1 < source.size() ? " BEFORE " + source.get(i + 1)
                    : i > 0 ? " AFTER " + source.get(i - 1) : "";
            statements.add("ALTER TYPE " + typeName + " ADD VALUE " + label + place);
        }
        return statements;
    }
}
