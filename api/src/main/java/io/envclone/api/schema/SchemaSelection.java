package io.envclone.api.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which schemas and tables of a source a copy takes, by glob patterns ({@code *} any run,
 * {@code ?} one character; tables as {@code schema.table}). Schemas and extensions themselves
 * are always kept: their statements are {@code IF NOT EXISTS}, and excluded objects may live in
 * them on the target platform. Whatever depends on an excluded table goes with it (its indexes,
 * triggers, policies, the foreign keys that point at it, the views that read it), so the copy's
 * DDL always applies.
 */
public record SchemaSelection(List<String> include, List<String> exclude, List<String> includeTables,
        List<String> excludeTables) {

    /**
     * What a Supabase project manages itself: the target platform has its own, so a copy leaves
     * them alone unless asked ({@code auth} holds PII: include it to copy {@code auth.users}).
     */
    public static final List<String> SUPABASE_MANAGED = List.of("auth", "storage", "realtime", "_realtime",
            "extensions", "graphql", "graphql_public", "pgbouncer", "pgsodium", "pgsodium_masks", "vault",
            "supabase_functions", "supabase_migrations", "net", "cron", "_analytics", "pgtle", "supabase_*");

    public SchemaSelection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        includeTables = List.copyOf(includeTables);
        excludeTables = List.copyOf(excludeTables);
    }

    public SchemaSelection(List<String> include, List<String> exclude) {
        this(include, exclude, List.of("*"), List.of());
    }

    /** The same schemas, with table patterns. */
    public SchemaSelection withTables(List<String> includeTables, List<String> excludeTables) {
        return new SchemaSelection(include, exclude, includeTables, excludeTables);
    }

    /**
     * A selection as a request or a manifest gives it: no include means every schema, no exclude
     * (null) the Supabase-managed ones; tables likewise ({@code schema.table} globs), every table of
     * the selected schemas by default.
     */
    public static SchemaSelection requested(List<String> include, List<String> exclude, List<String> includeTables,
            List<String> excludeTables) {
        return new SchemaSelection(include == null || include.isEmpty() ? List.of("*") : include,
                exclude == null ? SUPABASE_MANAGED : exclude,
                includeTables == null || includeTables.isEmpty() ? List.of("*") : includeTables,
                excludeTables == null ? List.of() : excludeTables);
    }

    /** Every schema but those Supabase manages. */
    public static SchemaSelection defaults() {
        return new SchemaSelection(List.of("*"), SUPABASE_MANAGED);
    }

    public static SchemaSelection everything() {
        return new SchemaSelection(List.of("*"), List.of());
    }

    public boolean includes(String schema) {
        return matchesAny(include, schema) && !matchesAny(exclude, schema);
    }

    /** Whether the table {@code schema.name} is copied. */
    public boolean includesTable(String schema, String name) {
        String qualified = schema + "." + name;
        return includes(schema) && matchesAny(includeTables, qualified) && !matchesAny(excludeTables, qualified);
    }

    public SchemaModel apply(SchemaModel model) {
        Set<ObjectId> dropped = new HashSet<>();
        for (SchemaObject object : model.objects().values()) {
            if (!keeps(object)) {
                dropped.add(object.id());
            }
        }
        // what depends on a dropped object cannot be created without it: drop it too, transitively
        boolean more = true;
        while (more) {
            more = false;
            for (SchemaObject object : model.objects().values()) {
                if (!dropped.contains(object.id()) && object.dependsOn().stream().anyMatch(dropped::contains)) {
                    dropped.add(object.id());
                    more = true;
                }
            }
        }
        return SchemaModel.of(model.objects().values().stream().filter(object -> !dropped.contains(object.id()))
                .toList(), model.skipped());
    }

    private boolean keeps(SchemaObject object) {
        ObjectKind kind = object.id().kind();
        if (kind == ObjectKind.SCHEMA || kind == ObjectKind.EXTENSION || kind == ObjectKind.ROLE) {
            return true;
        }
        // what is in no schema (a comment on a schema or an extension) goes with the schemas, which always stay
        if (object.id().schema() == null || object.id().schema().isEmpty()) {
            return true;
        }
        if (kind == ObjectKind.TABLE) {
            return includesTable(object.id().schema(), object.id().name());
        }
        return includes(object.id().schema());
    }

    private static boolean matchesAny(List<String> globs, String schema) {
        return globs.stream().anyMatch(glob -> Pattern.matches(toRegex(glob), schema));
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return regex.toString();
    }
}
