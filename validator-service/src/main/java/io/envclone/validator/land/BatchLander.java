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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Lands batches in a target exactly once: a batch's rows and its id go in one transaction (the id
 * into {@code envclone_landing.landed_batch}), so a batch delivered again, after a crash of this
 * service or of the broker, finds its id and is skipped, and a batch that fails lands nothing at
 * all. Rows go in with {@code COPY ... FROM STDIN (FORMAT binary)}, as the cloner read them.
 */
public final class BatchLander {

    /** What became of a batch. */
    public enum Outcome { LANDED, ALREADY_LANDED }

    static final String LEDGER = "envclone_landing.landed_batch";

    private final Connection target;

    /** {@code target}: a connection to the target database, used by this lander alone. */
    public BatchLander(Connection target) throws SQLException {
        this.target = target;
        try (Statement statement = target.createStatement()) {
            statement.execute("create schema if not exists envclone_landing");
            statement.execute("create table if not exists " + LEDGER + " (batch_id text primary key, clone_id text not null,"
                    + " table_name text not null, rows integer not null, landed_at timestamptz not null default now())");
        }
        target.setAutoCommit(false);
        target.commit();
    }

    public Outcome land(TableBatch batch) throws SQLException {
        try {
            try (PreparedStatement ledger = target.prepareStatement("insert into " + LEDGER
                    + " (batch_id, clone_id, table_name, rows) values (?, ?, ?, ?) on conflict (batch_id) do nothing")) {
                ledger.setString(1, batch.id());
                ledger.setString(2, batch.cloneId());
                ledger.setString(3, batch.schema() + "." + batch.table());
                ledger.setInt(4, batch.rowCount());
                if (ledger.executeUpdate() == 0) {
                    target.rollback();
                    return Outcome.ALREADY_LANDED;
                }
            }
            CopyIn copy = target.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + quoted(batch.schema()) + "."
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
