package io.envclone.anonymizer.batch;

import io.envclone.api.batch.CopyRows;
import io.envclone.api.batch.TableBatch;
import io.envclone.api.batch.WireText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small batches of text columns built in memory, and read back as text: for tests of rules on a few rows. */
final class TextBatches {

    private TextBatches() {
    }

    /** A batch of {@code schema.table}; {@code rows} hold each column's text (null for SQL NULL), {@code id} first. */
    static TableBatch of(String table, List<String> columns, List<List<String>> rows) {
        CopyRows.Writer payload = new CopyRows.Writer(1024);
        List<String> types = new ArrayList<>();
        columns.forEach(column -> types.add(column.equals("id") ? "integer" : "text"));
        for (List<String> row : rows) {
            payload.startRow(columns.size());
            for (int field = 0; field < columns.size(); field++) {
                payload.field(WireText.encode(types.get(field), row.get(field)));
            }
        }
        String[] name = table.split("\\.");
        return new TableBatch("test-clone", name[0], name[1], 0, 1, 1, 0, true, rows.size(), columns, types, types, null,
                payload.finish());
    }

    /** The batch's rows as text. */
    static List<List<String>> rows(TableBatch batch) {
        List<List<String>> rows = new ArrayList<>();
        CopyRows.forEach(batch.rows(), row -> {
            String[] values = new String[row.fields()];
            for (int field = 0; field < row.fields(); field++) {
                values[field] = WireText.decode(batch.wireTypes().get(field), row.bytes(field));
            }
            rows.add(Arrays.asList(values));
        });
        return rows;
    }
}
