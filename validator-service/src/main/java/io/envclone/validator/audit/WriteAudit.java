package io.envclone.validator.audit;

import io.envclone.service.database.ControlDatabase;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every write decision in the control database ({@code envclone_validator.write_decision}): who
 * asked, what, on which target, the decision and its reason. Never a password or a row's values.
 */
@ApplicationScoped
public class WriteAudit {

    private static final long TIMEOUT_SECONDS = 30;

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

    /** Waits for the control database: called from request threads, never the event loop. */
    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the control database did not record the decision: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a write decision", e);
        }
    }
}
