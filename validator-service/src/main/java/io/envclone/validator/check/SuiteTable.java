package io.envclone.validator.check;

import static io.envclone.validator.sql.SqlNames.quoted;

import java.util.List;
import java.util.Set;

/**
 * A table the functionality suite exercises, as the catalog describes it: an ordinary table or
 * a partitioned one (its partitions are exercised through it, as the application writes them).
 */
record SuiteTable(long oid, String schema, String name, boolean partitioned, boolean rowSecurity,
        List<Column> columns, List<UniqueKey> uniqueKeys, List<Trigger> triggers) {

    /**
     * {@code serial}: its default draws from a sequence; {@code text}: of the string category
     * (text, varchar, char and domains over them); {@code json}: "json" or "jsonb" where it is one, else null.
     */
    record Column(String name, boolean generated, char identity, boolean serial, boolean hasDefault, boolean text,
            String json) {

        /** A copy may not write it (generated, or an identity PostgreSQL always fills). */
        boolean readOnly() {
            return generated || identity == 'a';
        }
    }

    record UniqueKey(String name, boolean primary, Set<String> columns) {
    }

    /**
     * {@code type}: pg_trigger.tgtype bits; {@code enabled}: pg_trigger.tgenabled ('O', 'A', 'R' or 'D');
     * {@code countable}: PostgreSQL counts its function's calls (not a built-in, internal-language function).
     */
    record Trigger(String name, int type, char enabled, long function, String functionName, boolean countable,
            boolean hasWhen) {

        static final int ROW = 1;
        static final int BEFORE = 1 << 1;

        boolean on(Step step) {
            return (type & step.triggerBit) != 0;
        }
    }

    /** The suite's steps, with the pg_trigger.tgtype bit of the event each one fires. */
    enum Step {
        UPDATE(1 << 4), INSERT(1 << 2), DELETE(1 << 3);

        final int triggerBit;

        Step(int triggerBit) {
            this.triggerBit = triggerBit;
        }

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    String display() {
        return schema + "." + name;
    }

    String qualified() {
        return quoted(schema) + "." + quoted(name);
    }

    /** {@code only} for an ordinary table, so an inheritance child's rows are exercised as the child's. */
    String from() {
        return (partitioned ? "" : "only ") + qualified();
    }
}
