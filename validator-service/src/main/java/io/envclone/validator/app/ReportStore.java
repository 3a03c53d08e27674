package io.envclone.validator.app;

import io.envclone.service.database.ControlDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Validation reports in the control database ({@code envclone_validator.report}), as JSON and as
 * Markdown, so {@code GET /api/reports/{id}} serves them after the validator restarted. A report
 * holds counts, names and reasons, never a row's values.
 */
@ApplicationScoped
public class ReportStore {

    /** A stored report. */
    public record Stored(String id, String environment, String cloneId, boolean passed, String json, String markdown) {
    }

    private final ControlDatabase control;
    private volatile boolean schemaReady;

    ReportStore(ControlDatabase control) {
        this.control = control;
    }

    public void save(Stored report) {
        ensureSchema();
        await(control.pool().preparedQuery("insert into envclone_validator.report (id, environment, clone_id, passed, json,"
                + " markdown) values ($1, $2, $3, $4, $5, $6) on conflict (id) do update set passed = excluded.passed,"
                + " json = excluded.json, markdown = excluded.markdown")
                .execute(Tuple.of(report.id(), report.environment(), report.cloneId(), report.passed(), report.json(),
                        report.markdown())));
    }

    public Optional<Stored> find(String id) {
        ensureSchema();
        var rows = await(control.pool().preparedQuery("select id, environment, clone_id, passed, json, markdown"
                + " from envclone_validator.report where id = $1").execute(Tuple.of(id)));
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new Stored(row.getString(0), row.getString(1), row.getString(2), row.getBoolean(3),
                row.getString(4), row.getString(5)));
    }

    private void ensureSchema() {
        if (schemaReady) {
            return;
        }
        await(control.pool().query("create schema if not exists envclone_validator").execute());
        await(control.pool().query("""
                create table if not exists envclone_validator.report (
                    id text primary key,
                    created_at timestamptz not null default now(),
                    environment text not null,
                    clone_id text,
                    passed boolean not null,
                    json text not null,
                    markdown text not null)""").execute());
        schemaReady = true;
    }

    private static <T> T await(Future<T> query) {
        return ControlDatabase.await(query, "storing or reading a report");
    }
}
