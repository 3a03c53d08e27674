package io.envclone.anonymizer.discover;

/**
 * A column of the source schema, as the cloner's analysis describes it.
 *
 * @param table     {@code schema.table}
 * @param type      the type of its values as {@code format_type} names it, a domain as its base type,
 *                  an enum as {@code enum} ({@code text}, {@code character varying}, {@code citext}, {@code jsonb}, ...)
 * @param notNull   declared NOT NULL: it cannot be emptied
 * @param unique    under a primary key, a unique constraint or a unique index: fake values must stay distinct
 * @param key       part of a primary or a foreign key: it joins rows, its value means nothing by itself
 * @param generated a generated column: computed again from the others
 */
public record SchemaColumn(String table, String column, String type, boolean notNull, boolean unique, boolean key,
        boolean generated) {

    /** {@code schema.table.column}, as a rule names it. */
    public String qualified() {
        return table + "." + column;
    }
}
