package io.envclone.cloner.source;

import io.envclone.api.secret.ConnectionUrls;
import io.envclone.api.source.SourceReference;
import java.sql.SQLException;

/** Turns driver errors into reasons a user can act on, without any credential in them. */
final class SourceErrors {

    private SourceErrors() {
    }

    static SourceAccessException onConnect(SourceReference source, SQLException e) {
        String where = ConnectionUrls.redact(source.url());
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return new SourceAccessException(SourceAccessException.Reason.AUTHENTICATION,
                    "the source refused user " + source.user() + " at " + where
                            + ": check the user and password in the source's Secret", e);
        }
        if (state.equals("3D000")) {
            return new SourceAccessException(SourceAccessException.Reason.DATABASE_MISSING,
                    "the source has no such database: " + where + ": check the database name in source.url", e);
        }
        if (state.startsWith("08")) {
            return new SourceAccessException(SourceAccessException.Reason.UNREACHABLE,
                    "the source is unreachable at " + where
                            + ": check host and port in source.url, and that the network allows the connection", e);
        }
        return during("connecting to " + where, e);
    }

    static SourceAccessException during(String what, SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if ("42501".equals(e.getSQLState()) && message.contains("row-level security")) {
            return new SourceAccessException(SourceAccessException.Reason.ROW_LEVEL_SECURITY,
                    what + " failed: " + ConnectionUrls.redact(message) + ": the source role would see only some rows;"
                            + " give it BYPASSRLS (ALTER ROLE ... BYPASSRLS) or read as the tables' owner", e);
        }
        return new SourceAccessException(SourceAccessException.Reason.FAILED,
                what + " failed: " + ConnectionUrls.redact(e.getMessage()), e);
    }
}
