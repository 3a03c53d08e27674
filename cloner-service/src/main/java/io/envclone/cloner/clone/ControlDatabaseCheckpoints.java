package io.envclone.cloner.clone;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.envclone.cloner.stream.Checkpoints;
import io.envclone.cloner.stream.ChunkSent;
import io.envclone.cloner.stream.ClonePlan;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Checkpoints in the cloner's control database (its own PostgreSQL, through the reactive client;
 * never the source): one row per clone with its attempts and plan, one row per finished chunk.
 * Called from clone workers, which may wait: they are not event-loop threads.
 */
public final class ControlDatabaseCheckpoints implements Checkpoints {

    private static final String[] SCHEMA = {
        "create schema if not exists envclone_cloner",
        """
        create table if not exists envclone_cloner.clone_attempt (
            clone_id text primary key,
            attempts int not null,
            plan jsonb,
            first_started_at timestamptz not null default now(),
            last_started_at timestamptz not null default now())""",
        """
        create table if not exists envclone_cloner.chunk_done (
            clone_id text not null references envclone_cloner.clone_attempt on delete cascade,
            table_name text not null,
            chunk int not null,
            attempt int not null,
            rows bigint not null,
            batches bigint not null,
            bytes bigint not null,
            done_at timestamptz not null default now(),
            primary key (clone_id, table_name, chunk))"""
    };
    private static final long TIMEOUT_SECONDS = 30;

    private final Pool pool;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean schemaReady;

    public ControlDatabaseCheckpoints(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Resume begin(String cloneId) throws Exception {
        ensureSchema();
        Row clone = await(pool.preparedQuery("""
                insert into envclone_cloner.clone_attempt (clone_id, attempts) values ($1, 1)
                on conflict (clone_id) do update
                    set attempts = envclone_cloner.clone_attempt.attempts + 1, last_started_at = now()
                returning attempts, plan::text""").execute(Tuple.of(cloneId))).iterator().next();
        String plan = clone.getString(1);
        Map<String, ChunkSent> done = new HashMap<>();
        for (Row row : await(pool.preparedQuery("""
                select table_name, chunk, attempt, rows, batches, bytes from envclone_cloner.chunk_done
                where clone_id = $1""").execute(Tuple.of(cloneId)))) {
            ChunkSent chunk = new ChunkSent(row.getString(0), row.getInteger(1), row.getInteger(2), row.getLong(3),
                    row.getLong(4), row.getLong(5));
            done.put(chunk.id(), chunk);
        }
        return new Resume(clone.getInteger(0), plan == null ? null : json.readValue(plan, ClonePlan.class), done);
    }

    @Override
    public void planned(String cloneId, ClonePlan plan) throws Exception {
        await(pool.preparedQuery("update envclone_cloner.clone_attempt set plan = ($2::text)::jsonb where clone_id = $1")
                .execute(Tuple.of(cloneId, json.writeValueAsString(plan))));
    }

    @Override
    public void chunkDone(String cloneId, ChunkSent chunk) throws Exception {
        await(pool.preparedQuery("""
                insert into envclone_cloner.chunk_done (clone_id, table_name, chunk, attempt, rows, batches, bytes)
                values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing""")
                .execute(Tuple.from(new Object[] {cloneId, chunk.table(), chunk.chunk(), chunk.attempt(), chunk.rows(),
                    chunk.batches(), chunk.bytes()})));
    }

    private void ensureSchema() throws Exception {
        if (schemaReady) {
            return;
        }
        synchronized (this) {
            if (!schemaReady) {
                for (String statement : SCHEMA) {
                    await(pool.query(statement).execute());
                }
                schemaReady = true;
            }
        }
    }

    private static RowSet<Row> await(Future<RowSet<Row>> query) throws Exception {
        return query.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
