package io.envclone.anonymizer.batch;

import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.batch.WireText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Applies a clone's rules to one batch: only the columns with a rule are decoded, transformed and
 * encoded again; every other field is copied as bytes. A batch of a table without rules passes
 * through as it came. Counts are reported per transformer to {@code counted}.
 */
public final class BatchAnonymizer {

    private BatchAnonymizer() {
    }

    public static TableBatch anonymize(TableBatch batch, CompiledRules rules, BiConsumer<String, Integer> counted) {
        TableRules table = rules.forTable(batch.ruleTable());
        if (table == null) {
            return batch;
        }
        List<String> columns = batch.columns();
        List<String> wireTypes = batch.wireTypes();
        Map<String, Integer> fieldOf = new HashMap<>();
        for (int field = 0; field < columns.size(); field++) {
            fieldOf.put(columns.get(field), field);
        }
        for (TableRules.ColumnTransform transform : table.columns()) {
            Integer field = fieldOf.get(transform.column()); // null: a generated column, not sent, recomputed by the target
            if (field != null && !transform.type().equals("null") && !WireText.supports(wireTypes.get(field))) {
                throw new IllegalArgumentException(batch.schema() + "." + batch.table() + "." + transform.column()
                        + " (rule " + transform.type() + "): " + WireText.unsupportedReason(wireTypes.get(field)));
            }
        }
        int[] maxLength = new int[columns.size()];
        for (int field = 0; field < maxLength.length; field++) {
            maxLength[field] = ColumnFit.maxLength(batch.types().get(field));
        }
        Map<String, Map<String, String>> uniqueFakes = new HashMap<>(); // per unique column: fake to original, in this batch
        CopyRows.Writer out = new CopyRows.Writer(batch.rows().length + batch.rows().length / 8);
        CopyRows.forEach(batch.rows(), row -> {
            byte[][] replaced = new byte[columns.size()][];
            boolean[] changed = new boolean[columns.size()];
            Function<String, String> original = column -> {
                int field = fieldOf.get(column);
                return WireText.supports(wireTypes.get(field)) ? WireText.decode(wireTypes.get(field), row.bytes(field))
                        : null;
            };
            String index = fieldOf.containsKey("id") ? original.apply("id") : null;
            RowTransform.apply(table, fieldOf::containsKey, original, index, (rule, before, made) -> {
                String column = rule.column();
                int field = fieldOf.get(column);
                String fake = ColumnFit.fit(made, maxLength[field], rule.type(), batch.schema() + "." + batch.table()
                        + "." + column);
                if (rule.unique() && fake != null) {
                    String earlier = uniqueFakes.computeIfAbsent(column, c -> new HashMap<>()).putIfAbsent(fake, before);
                    if (earlier != null && !earlier.equals(before)) {
                        // the values stay out of the message: it goes to logs, events and the dead-letter topic
                        throw new IllegalArgumentException(batch.schema() + "." + batch.table() + "." + column + " (rule "
                                + rule.type() + ") is unique, and two of its values in one batch became the same fake"
                                + " (a {hash} is taken of the value in lower case and without outer spaces): use a template"
                                + " with {index}, which the primary key keeps unique");
                    }
                }
                replaced[field] = WireText.encode(wireTypes.get(field), fake);
                changed[field] = true;
            });
            out.startRow(row.fields());
            for (int field = 0; field < row.fields(); field++) {
                if (changed[field]) {
                    out.field(replaced[field]);
                } else {
                    out.copy(row, field);
                }
            }
        });
        for (TableRules.ColumnTransform transform : table.columns()) {
            counted.accept(transform.type(), batch.rowCount());
        }
        return batch.withRows(out.finish());
    }
}
