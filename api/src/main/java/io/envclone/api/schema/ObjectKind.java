package io.envclone.api.schema;

/**
 * The kinds of object a copy must have to behave like its source, each with the phase of a
 * clone it is created in: before the rows load, or after (so loading is fast and foreign keys
 * are checked once, over all rows, as pg_restore does).
 */
public enum ObjectKind {
    /** A role that grants or policies name, created without a password where missing (roles are cluster-wide). */
    ROLE(Phase.PRE_DATA),
    SCHEMA(Phase.PRE_DATA),
    EXTENSION(Phase.PRE_DATA),
    TYPE(Phase.PRE_DATA),
    FUNCTION(Phase.PRE_DATA),
    SEQUENCE(Phase.PRE_DATA),
    TABLE(Phase.PRE_DATA),
    VIEW(Phase.PRE_DATA),
    MATERIALIZED_VIEW(Phase.PRE_DATA),
    /** Primary key, unique, check and exclusion constraints. */
    CONSTRAINT(Phase.POST_DATA),
    FOREIGN_KEY(Phase.POST_DATA),
    INDEX(Phase.POST_DATA),
    TRIGGER(Phase.POST_DATA),
    POLICY(Phase.POST_DATA),
    /** ENABLE (and FORCE) ROW LEVEL SECURITY: after the rows, or a forced policy would hide them from the loader. */
    ROW_SECURITY(Phase.POST_DATA),
    /** REFRESH MATERIALIZED VIEW of one that is populated on the source. */
    REFRESH(Phase.POST_DATA),
    /** The privileges of one object (REVOKE from PUBLIC where the source did, then its GRANTs). */
    GRANT(Phase.POST_DATA),
    /** COMMENT ON any of the above: last, when what it describes exists. */
    COMMENT(Phase.POST_DATA);

    /** When in a clone an object is created. */
    public enum Phase { PRE_DATA, POST_DATA }

    private final Phase phase;

    ObjectKind(Phase phase) {
        this.phase = phase;
    }

    public Phase phase() {
        return phase;
    }
}
