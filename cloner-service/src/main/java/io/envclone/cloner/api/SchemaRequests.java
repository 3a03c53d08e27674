package io.envclone.cloner.api;

import io.envclone.service.problem.InvalidRequestException;
import io.envclone.api.schema.SchemaSelection;
import java.util.List;

/** The bodies of the schema endpoints. */
public final class SchemaRequests {

    private SchemaRequests() {
    }

    /** {@code POST /api/schema/analyze} and {@code /migration}: one source, which schemas. */
    public record Analyze(SourceRequest source, List<String> include, List<String> exclude,
            List<String> includeTables, List<String> excludeTables) {

        SchemaSelection selection() {
            return SchemaRequests.selection(include, exclude, includeTables, excludeTables);
        }
    }

    /**
     * {@code POST /api/schema/migration}: the DDL for an empty target, or, with {@code target}, the
     * sync of that existing environment ({@code allowDestructive} lets it drop what the source lost).
     */
    public record Migration(SourceRequest source, SourceRequest target, List<String> include, List<String> exclude,
            List<String> includeTables, List<String> excludeTables, boolean allowDestructive) {

        SchemaSelection selection() {
            return SchemaRequests.selection(include, exclude, includeTables, excludeTables);
        }
    }

    /** {@code POST /api/schema/compare}: how {@code target} differs from {@code source}. */
    public record Compare(SourceRequest source, SourceRequest target, List<String> include, List<String> exclude,
            List<String> includeTables, List<String> excludeTables) {

        SchemaSelection selection() {
            return SchemaRequests.selection(include, exclude, includeTables, excludeTables);
        }
    }

    /**
     * No include means every schema, no exclude the Supabase-managed ones; tables likewise
     * ({@code schema.table} globs), every table of the selected schemas by default.
     */
    static SchemaSelection selection(List<String> include, List<String> exclude, List<String> includeTables,
            List<String> excludeTables) {
        SchemaSelection defaults = SchemaSelection.defaults();
        return new SchemaSelection(include == null || include.isEmpty() ? defaults.include() : include,
                exclude == null ? defaults.exclude() : exclude,
                includeTables == null || includeTables.isEmpty() ? List.of("*") : includeTables,
                excludeTables == null ? List.of() : excludeTables);
    }

    static SourceRequest required(SourceRequest source, String field) {
        if (source == null) {
            throw new InvalidRequestException(field, "is missing: give {\"url\": \"jdbc:postgresql://...\", \"user\": ..., \"password\": ...}");
        }
        return source;
    }
}
