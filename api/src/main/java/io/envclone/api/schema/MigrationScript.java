package io.envclone.api.schema;

import java.util.List;

/**
 * The DDL that makes an empty target match a model: pre-data (before rows load) and post-data
 * (after), each in dependency order. Apply it in a session with {@link #SESSION_SETTINGS} first.
 */
public record MigrationScript(List<String> preData, List<String> postData, List<String> skipped) {

    /**
     * Function bodies are checked when first called, not when created (they may read tables
     * created later), and names are resolved only as written (the script qualifies them all).
     */
    public static final List<String> SESSION_SETTINGS = List.of(
            "SET check_function_bodies = false",
            "SELECT pg_catalog.set_config('search_path', '', false)");

    public MigrationScript {
        preData = List.copyOf(preData);
        postData = List.copyOf(postData);
        skipped = List.copyOf(skipped);
    }

    public static MigrationScript forEmptyTarget(SchemaModel model) {
        return new MigrationScript(statements(model, ObjectKind.Phase.PRE_DATA),
                statements(model, ObjectKind.Phase.POST_DATA), model.skipped());
    }

    private static List<String> statements(SchemaModel model, ObjectKind.Phase phase) {
        return DependencyOrder.of(model.objects().values().stream()
                        .filter(object -> object.id().kind().phase() == phase).toList())
                .stream().map(SchemaObject::createSql).toList();
    }

    /** Pre-data then post-data statements, in the order they run. */
    public List<String> statements() {
        List<String> all = new java.util.ArrayList<>(preData);
        all.addAll(postData);
        return all;
    }

    /** The whole script as one SQL text, for people and for psql. */
    public String render() {
        StringBuilder sql = new StringBuilder();
        skipped.forEach(line -> sql.append("-- not copied: ").append(line).append('\n'));
        sql.append("-- envclone migration: pre-data\n");
        SESSION_SETTINGS.forEach(setting -> sql.append(setting).append(";\n"));
        preData.forEach(statement -> sql.append('\n').append(statement).append(";\n"));
        sql.append("\n-- post-data: after the rows are loaded\n");
        postData.forEach(statement -> sql.append('\n').append(statement).append(";\n"));
        return sql.toString();
    }
}
