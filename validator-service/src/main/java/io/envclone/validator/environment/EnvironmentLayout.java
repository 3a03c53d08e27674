package io.envclone.validator.environment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where an environment keeps its copies, chosen per target: as databases beside it when the role
 * may create databases, or as schemas inside its one database when it may not, or when the database
 * is a Supabase project's (a project is one database, and its platform owns the others).
 *
 * @param reason the choice in a sentence, for the clone's status and its report
 */
public record EnvironmentLayout(Kind kind, String reason) {

    public enum Kind { DATABASES, ONE_DATABASE }

    /** The schemas whose presence makes a database a Supabase project's. */
    private static final String SUPABASE_SCHEMAS = "select count(*) = 2 from pg_namespace where nspname in ('auth', 'storage')";

    /**
     * {@code maintenance}: a connection to the server as the writing role; {@code environment}: a connection to the
     * environment's database when it exists (null otherwise).
     */
    public static EnvironmentLayout choose(Connection maintenance, Connection environment, String database)
            throws SQLException {
        String role;
        boolean createsDatabases;
        try (Statement sql = maintenance.createStatement(); ResultSet row = sql.executeQuery(
                "select current_user, rolcreatedb or rolsuper from pg_roles where rolname = current_user")) {
            row.next();
            role = row.getString(1);
            createsDatabases = row.getBoolean(2);
        }
        if (environment != null) {
            try (PreparedStatement sql = environment.prepareStatement(SUPABASE_SCHEMAS); ResultSet row = sql.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    return new EnvironmentLayout(Kind.ONE_DATABASE, "one database: " + database + " is a Supabase"
                            + " project's (schemas auth and storage), so its copies are schemas inside it");
                }
            }
        }
        if (createsDatabases) {
            return new EnvironmentLayout(Kind.DATABASES, "databases: role " + role + " may create databases, so the"
                    + " copies of " + database + " are databases beside it");
        }
        if (environment == null) {
            throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "database " + database + " does not exist,"
                    + " and role " + role + " may not create databases: have it created (createdb " + database + "),"
                    + " and envclone builds the environment inside it");
        }
        return new EnvironmentLayout(Kind.ONE_DATABASE, "one database: role " + role + " may not create databases, so the"
                + " copies of " + database + " are schemas inside it");
    }

    public boolean oneDatabase() {
        return kind == Kind.ONE_DATABASE;
    }
}
