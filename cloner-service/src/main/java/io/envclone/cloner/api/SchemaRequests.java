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

    /** See {@link SchemaSelection#requested}: the cloner's API and the command read a selection alike. */
    static SchemaSelection selection(List<String> include, List<String> exclude, List<String> includeTables,
            List<String> excludeTables) {
        return SchemaSelection.requested(include, exclude, includeTables, excludeTables);
    }

    static SourceRequest required(SourceRequest source, String field) {
        if (source == null) {
            throw new InvalidRequestException(field, "is missing: give {\"url\": \"jdbc:postgresql://...\", \"user\": ..., \"password\": ...}");
        }
        return source;
    }
}
