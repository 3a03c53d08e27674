package io.envclone.anonymizer.batch;

import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.batch.WireText;
import java.util.List;
import java.util.function.BiConsumer;

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
        int[] fieldOf = new int[table.columns().size()];
        for (int i = 0; i < fieldOf.length; i++) {
            TableRules.ColumnTransform transform = table.columns().get(i);
            fieldOf[i] = columns.indexOf(transform.column()); // -1: a generated column, not sent, recomputed by the target
            if (fieldOf[i] >= 0 && !WireText.supports(batch.wireTypes().get(fieldOf[i]))
                    && !transform.type().equals("null")) {
                throw new IllegalArgumentException(batch.schema() + "." + batch.table() + "." + transform.column()
                        + " (rule " + transform.type() + "): " + "values of type " + batch.wireTypes().get(fieldOf[i])
                        + " cannot be decoded by the anonymizer: give the column the transformer null, or keep with a reason");
            }
        }
        boolean hasId = columns.contains("id");
        CopyRows.Writer out = new CopyRows.Writer(batch.rows().length + batch.rows().length / 8);
        CopyRows.forEach(batch.rows(), row -> {
            byte[][] replaced = new byte[columns.size()][];
            boolean[] changed = new boolean[columns.size()];
            java.util.function.Function<String, String> original = column -> {
                int field = columns.indexOf(column);
                return WireText.supports(batch.wireTypes().get(field))
                        ? WireText.decode(batch.wireTypes().get(field), row.bytes(field)) : null;
            };
            RowTransform.apply(table, columns::contains, original, hasId ? original.apply("id") : null, (column, fake) -> {
                int field = columns.indexOf(column);
                replaced[field] = WireText.encode(batch.wireTypes().get(field), fake);
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
