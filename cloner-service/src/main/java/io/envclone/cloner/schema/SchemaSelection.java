package io.envclone.cloner.schema;

import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.schema.SchemaObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which schemas of a source a copy takes, by glob patterns ({@code *} any run, {@code ?} one
 * character). Schemas and extensions themselves are always kept: their statements are
 * {@code IF NOT EXISTS}, and excluded objects may live in them on the target platform.
 */
public record SchemaSelection(List<String> include, List<String> exclude) {

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

    public SchemaModel apply(SchemaModel model) {
        return SchemaModel.of(model.objects().values().stream().filter(this::keeps).toList());
    }

    private boolean keeps(SchemaObject object) {
        ObjectKind kind = object.id().kind();
        return kind == ObjectKind.SCHEMA || kind == ObjectKind.EXTENSION || includes(object.id().schema());
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
