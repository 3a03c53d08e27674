package io.envclone.cli.demo;

import io.envclone.testing.demo.DemoSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code envclone demo} tells at the end, as text or as JSON ({@code --output json}). */
public record DemoReport(String status, String jdbcUrl, String psql, double scale, long seed,
        Map<String, Long> tables, long totalRows, long databaseBytes, long elapsedMillis) {

    static DemoReport of(DemoSummary summary, DemoTarget target) {
        Map<String, Long> tables = new LinkedHashMap<>();
        summary.tables().forEach(table -> tables.put(table.table(), table.rows()));
        return new DemoReport("generated", target.jdbcUrl(), target.psqlCommand(), summary.scale(), summary.seed(),
                tables, summary.totalRows(), summary.databaseBytes(), summary.elapsed().toMillis());
    }
}
