package io.envclone.validator.audit;

import io.envclone.service.database.ControlDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every write decision in the control database ({@code envclone_validator.write_decision}): who
 * asked, what, on which target, the decision and its reason. Never a password or a row's values.
 */
@ApplicationScoped
public class WriteAudit {

    private final ControlDatabase control;
    private volatile boolean schemaReady;

    WriteAudit(ControlDatabase control) {
        this.control = control;
    }

    public void record(String requestedBy, String action, String target, boolean allowed, String reason) {
        ensureSchema();
        await(control.pool().preparedQuery("insert into envclone_validator.write_decision (requested_by, action, target, allowed,"
                + " reason) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(requestedBy == null ? "unknown" : requestedBy, action, target, allowed, reason)));
    }

    private void ensureSchema() {
        if (schemaReady) {
            return;
        }
        await(control.pool().query("create schema if not exists envclone_validator").execute());
        await(control.pool().query("""
                create table if not exists envclone_validator.write_decision (
                    id bigserial primary key,
                    decided_at timestamptz not null default now(),
                    requested_by text not null,
                    action text not null,
                    target text not null,
                    allowed boolean not null,
                    reason text not null)""").execute());
        schemaReady = true;
    }

    private static <T> T await(Future<T> query) {
        return ControlDatabase.await(query, "recording a write decision");
    }
}
