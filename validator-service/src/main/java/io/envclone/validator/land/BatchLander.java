package io.envclone.validator.land;

import static io.envclone.validator.sql.SqlNames.quoted;

import io.envclone.api.batch.TableBatch;
import io.envclone.validator.sql.SqlNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Lands batches in a target exactly once: a batch's rows and its id go in one transaction (the id
 * into {@code envclone_landing.landed_batch}), so a batch delivered again, after a crash of this
 * service or of the broker, finds its id and is skipped, and a batch that fails lands nothing at
 * all. Rows go in with {@code COPY ... FROM STDIN (FORMAT binary)}, as the cloner read them.
 *
 * <p>A cloner that dies mid-chunk sends that chunk again, whole, as its next attempt. The first
 * batch of a later attempt removes what earlier attempts of its chunk landed, in its own
 * transaction: the ledger keeps each batch's transaction id, and every row a batch wrote carries it
 * as {@code xmin}, so the rows go whatever the rules did to the table's keys. A batch of an earlier
 * attempt that arrives after that is skipped.
 */
public final class BatchLander {

    /** What became of a batch. */
    public enum Outcome { LANDED, ALREADY_LANDED, SUPERSEDED }

    private static final Logger LOG = Logger.getLogger(BatchLander.class);

    static final String LEDGER = "envclone_landing.landed_batch";
    /** The attempt of each chunk that lands; earlier attempts' batches are removed, later ones supersede it. */
    static final String CHUNK_ATTEMPT = "envclone_landing.chunk_attempt";
    private static final String CHUNK = "clone_id = ? and table_name = ? and chunk = ?";

    private final Connection target;
    private final java.util.function.UnaryOperator<String> schemaOf;

    /** {@code target}: a connection to the target database, used by this lander alone. */
    public BatchLander(Connection target) throws SQLException {
        this(target, java.util.function.UnaryOperator.identity());
    }

    /**
     * {@code schemaOf}: the schema a batch of a source schema lands in (its build schema, where the copy is built
     * inside the environment's own database).
     */
    public BatchLander(Connection target, java.util.function.UnaryOperator<String> schemaOf) throws SQLException {
        this.target = target;
        this.schemaOf = schemaOf;
        try (Statement statement = target.createStatement()) {
            statement.execute("create schema if not exists envclone_landing");
            statement.execute("create table if not exists " + LEDGER + " (batch_id text primary key, clone_id text not null,"
                    + " table_name text not null, rows integer not null, landed_at timestamptz not null default now())");
            statement.execute("alter table " + LEDGER + " add column if not exists chunk integer,"
                    + " add column if not exists attempt integer, add column if not exists xid bigint");
            statement.execute("create table if not exists " + CHUNK_ATTEMPT + " (clone_id text, table_name text, chunk integer,"
                    + " attempt integer not null, primary key (clone_id, table_name, chunk))");
        }
        target.setAutoCommit(false);
        target.commit();
    }

    public Outcome land(TableBatch batch) throws SQLException {
        try {
            if (!ofLandingAttempt(batch)) {
                target.rollback();
                return Outcome.SUPERSEDED;
            }
            try (PreparedStatement ledger = target.prepareStatement("insert into " + LEDGER
                    + " (batch_id, clone_id, table_name, rows, chunk, attempt, xid)"
                    + " values (?, ?, ?, ?, ?, ?, txid_current() % 4294967296) on conflict (batch_id) do nothing")) {
                ledger.setString(1, batch.id());
                ledger.setString(2, batch.cloneId());
                ledger.setString(3, batch.schema() + "." + batch.table());
                ledger.setInt(4, batch.rowCount());
                ledger.setInt(5, batch.chunk());
                ledger.setInt(6, batch.attempt());
                if (ledger.executeUpdate() == 0) {
                    target.rollback();
                    return Outcome.ALREADY_LANDED;
                }
            }
            CopyIn copy = target.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + quoted(schemaOf.apply(batch.schema())) + "."
                    + quoted(batch.table()) + " (" + String.join(", ", batch.columns().stream().map(SqlNames::quoted)
                    .toList()) + ") from stdin (format binary)");
            try {
                // the whole payload in one message, as it is: no stream copying it through a 64 KiB buffer
                copy.writeToCopy(batch.rows(), 0, batch.rows().length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            target.commit();
            return Outcome.LANDED;
        } catch (SQLException | RuntimeException e) {
            try {
                target.rollback();
            } catch (SQLException lost) {
                // the connection is gone: so is the transaction
            }
            // the server's primary message only: its detail and context may quote the row's values
            throw new SQLException("batch " + batch.id() + " did not land, nothing of it is in the target: " + primary(e),
                    e instanceof SQLException sql ? sql.getSQLState() : null);
        }
    }

    /**
     * Whether {@code batch} is of the attempt its chunk lands now, making it so when it is the first of
     * a later attempt (removing what earlier attempts of the chunk landed); false for an earlier attempt.
     */
    private boolean ofLandingAttempt(TableBatch batch) throws SQLException {
        String table = batch.schema() + "." + batch.table();
        Integer landing = null;
        try (PreparedStatement query = chunkStatement("select attempt from " + CHUNK_ATTEMPT + " where " + CHUNK
                + " for update", batch)) {
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    landing = row.getInt(1);
                }
            }
        }
        if (landing == null) {
            try (PreparedStatement insert = target.prepareStatement("insert into " + CHUNK_ATTEMPT
                    + " values (?, ?, ?, ?) on conflict do nothing")) {
                insert.setString(1, batch.cloneId());
                insert.setString(2, table);
                insert.setInt(3, batch.chunk());
                insert.setInt(4, batch.attempt());
                insert.executeUpdate();
            }
            return true;
        }
        if (landing > batch.attempt()) {
            return false;
        }
        if (landing < batch.attempt()) {
            supersede(batch);
        }
        return true;
    }

    private void supersede(TableBatch batch) throws SQLException {
        int removed;
        try (PreparedStatement delete = target.prepareStatement("delete from " + quoted(schemaOf.apply(batch.schema())) + "."
                + quoted(batch.table()) + " where xmin::text::bigint in (select xid from " + LEDGER + " where " + CHUNK
                + " and attempt < ?)")) {
            bindChunk(delete, batch);
            delete.setInt(4, batch.attempt());
            removed = delete.executeUpdate();
        }
        int batches;
        try (PreparedStatement forget = chunkStatement("delete from " + LEDGER + " where " + CHUNK + " and attempt < ?", batch)) {
            forget.setInt(4, batch.attempt());
            batches = forget.executeUpdate();
        }
        // the chunk's parameters come last here: the attempt is the first in the statement's text
        try (PreparedStatement update = target.prepareStatement("update " + CHUNK_ATTEMPT + " set attempt = ?"
                + " where clone_id = ? and table_name = ? and chunk = ?")) {
            update.setInt(1, batch.attempt());
            update.setString(2, batch.cloneId());
            update.setString(3, batch.schema() + "." + batch.table());
            update.setInt(4, batch.chunk());
            update.executeUpdate();
        }
        LOG.infof("clone %s table %s.%s chunk %d: attempt %d replaces what earlier attempts landed (%d rows of %d batches)",
                batch.cloneId(), batch.schema(), batch.table(), batch.chunk(), batch.attempt(), removed, batches);
    }

    /** A statement whose first three parameters name the batch's chunk (see {@link #CHUNK}). */
    private PreparedStatement chunkStatement(String sql, TableBatch batch) throws SQLException {
        PreparedStatement statement = target.prepareStatement(sql);
        bindChunk(statement, batch);
        return statement;
    }

    private static void bindChunk(PreparedStatement statement, TableBatch batch) throws SQLException {
        statement.setString(1, batch.cloneId());
        statement.setString(2, batch.schema() + "." + batch.table());
        statement.setInt(3, batch.chunk());
    }

    /** The column COPY was reading when it failed, from the error's context ("COPY t, line 3, column c"), never its value. */
    private static final java.util.regex.Pattern COPY_COLUMN = java.util.regex.Pattern.compile(
            "COPY [^,]+, line \\d+, column ([^:\\n]+)");

    private static String primary(Exception e) {
        if (e instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            org.postgresql.util.ServerErrorMessage server = psql.getServerErrorMessage();
            String where = server.getWhere() == null ? "" : server.getWhere();
            java.util.regex.Matcher column = COPY_COLUMN.matcher(where);
            String at = server.getColumn() != null ? server.getColumn() : column.find() ? column.group(1).strip() : null;
            return (at == null ? "" : "column " + at + ": ") + server.getMessage() + " (SQLSTATE " + psql.getSQLState()
                    + ")" + (at == null ? "" : ": check the rule of " + at + " makes values its type holds");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
    }

    /** Ends the lander's session, so its database can be renamed or copied. */
    public void close() {
        try {
            target.close();
        } catch (SQLException ignored) {
            // the session is gone either way
        }
    }

    /** Rows landed per table ({@code schema.table}) for {@code cloneId}, as its ledger has them. */
    public static Map<String, Long> landedRows(Connection copy, String cloneId) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (PreparedStatement query = copy.prepareStatement("select table_name, sum(rows) from " + LEDGER
                + " where clone_id = ? group by table_name")) {
            query.setString(1, cloneId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return rows;
    }
}
