package io.envclone.validator.environment;

import io.envclone.api.schema.SchemaSelection;
import io.envclone.validator.sql.SchemaReferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The schemas an environment inside one database switches as a whole: those the clone's DDL
 * creates, except the ones a Supabase project manages itself (they keep the target's definitions,
 * and envclone never renames or drops them). Each has its copies beside it as {@code <schema>__build},
 * {@code __previous}, the same suffixes a database's copies take.
 */
public record CopySchemas(List<String> schemas) {

    private static final int MAX_NAME = 63;
    private static final java.util.regex.Pattern CREATE_SCHEMA = java.util.regex.Pattern.compile(
            "(?i)^\\s*CREATE\\s+SCHEMA\\b");
    private static final java.util.regex.Pattern CREATE_EXTENSION = java.util.regex.Pattern.compile(
            "(?i)^\\s*CREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[^\\s]+)");

    public CopySchemas {
        schemas = List.copyOf(new TreeSet<>(schemas));
        for (String schema : schemas) {
            if (schema.length() + DatabaseNames.PREVIOUS.length() > MAX_NAME) {
                throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "schema " + schema + " is too long to"
                        + " keep its copies beside it in one database (" + MAX_NAME + " bytes with " + DatabaseNames.PREVIOUS
                        + "): clone into a database of its own instead");
            }
        }
    }

    /**
     * The schemas {@code preData} creates that a copy switches. An extension created in one of them is
     * refused: PostgreSQL holds an extension once per database, so it cannot be in two copies at once.
     */
    public static CopySchemas of(List<String> preData) {
        TreeSet<String> found = new TreeSet<>();
        SchemaSelection platform = SchemaSelection.defaults();
        for (String statement : preData) {
            if (CREATE_SCHEMA.matcher(statement).find()) {
                SchemaReferences.first(statement).filter(platform::includes).ifPresent(found::add);
            }
        }
        for (String statement : preData) {
            java.util.regex.Matcher extension = CREATE_EXTENSION.matcher(statement);
            if (extension.find()) {
                String schema = SchemaReferences.first(statement).orElse("");
                if (found.contains(schema)) {
                    throw new EnvironmentException(EnvironmentException.Kind.REFUSED, "extension "
                            + extension.group(1).toLowerCase(Locale.ROOT) + " lives in schema " + schema + ", which an"
                            + " environment inside one database switches with its copies, and PostgreSQL holds an"
                            + " extension once per database: move it to a schema of its own on the source (as Supabase"
                            + " does with schema extensions), or clone into a database of its own");
                }
            }
        }
        return new CopySchemas(List.copyOf(found));
    }

    /** Each schema to its name with {@code suffix} ({@code __build}, {@code __previous}, ...). */
    public Map<String, String> suffixed(String suffix) {
        Map<String, String> names = new LinkedHashMap<>();
        schemas.forEach(schema -> names.put(schema, schema + suffix));
        return names;
    }

    /** {@code sql} with the copy's schemas named as in its build. */
    public String inBuild(String sql) {
        return SchemaReferences.renamed(sql, suffixed(DatabaseNames.BUILD));
    }

    /** Whether a statement of the source's DDL is about the copy (not about a schema the copy does not switch). */
    public boolean concerns(String statement) {
        return SchemaReferences.first(statement).map(schemas::contains).orElse(true);
    }
}
