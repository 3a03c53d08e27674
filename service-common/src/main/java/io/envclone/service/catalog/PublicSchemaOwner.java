package io.envclone.service.catalog;

/**
 * The owner of schema {@code public}, the one owner a copy keeps. Owners are not copied (the target's
 * writer owns what it creates), but {@code public} exists before the copy does, owned by
 * {@code pg_database_owner} since PostgreSQL 15, while databases made before that (most in
 * production) have it owned by a role: a dump of the copy would show the difference. The owner is
 * set only where the role exists in the target and the writer may hand it over; schema parity
 * compares definitions, so it looks past this.
 */
public final class PublicSchemaOwner {

    private static final String MARK = ";\nDO $owner$";

    private PublicSchemaOwner() {
    }

    /** SQL giving, for a row of pg_namespace {@code n}, the owner statement to append to its CREATE SCHEMA, or ''. */
    static final String SUFFIX_SQL = "case when n.nspname = 'public' and pg_catalog.pg_get_userbyid(n.nspowner) <> 'pg_database_owner'"
            + " then format(E'" + MARK.replace("\n", "\\n") + " BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %L) THEN"
            + " IF pg_catalog.pg_has_role(current_user, %L, ''MEMBER'') THEN ALTER SCHEMA public OWNER TO %I; END IF; END IF;"
            + " END $owner$', pg_catalog.pg_get_userbyid(n.nspowner), pg_catalog.pg_get_userbyid(n.nspowner),"
            + " pg_catalog.pg_get_userbyid(n.nspowner)) else '' end";

    /** A statement without the owner this class appends to it. */
    public static String definitionOnly(String statement) {
        int owner = statement.indexOf(MARK);
        return owner < 0 ? statement : statement.substring(0, owner);
    }
}
