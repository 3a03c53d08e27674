package io.envclone.anonymizer.api;

import io.envclone.anonymizer.discover.Cleared;
import io.envclone.anonymizer.discover.Coverage;
import io.envclone.anonymizer.discover.Discovery;
import io.envclone.anonymizer.discover.DiscoveryInput;
import io.envclone.anonymizer.discover.Finding;
import io.envclone.anonymizer.discover.Proposal;
import io.envclone.anonymizer.discover.RuleFileWriter;
import io.envclone.anonymizer.discover.SchemaColumn;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.service.problem.InvalidRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PII discovery over REST: a schema and a sample of its rows in, a proposed rule set out (also
 * as a rule file); and whether a rule set covers what discovery finds. Reads no database.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DiscoverResource {

    /** The proposal, and {@code ruleFile}: the same as YAML with a reason per rule, ready to review. */
    public record Discovered(RuleSet rules, List<Finding> sensitive, List<Finding> unresolved, List<Cleared> notSensitive,
            String ruleFile) {
    }

    public record CoverageRequest(RuleSet rules, List<SchemaColumn> columns, Map<String, List<Map<String, String>>> samples) {
    }

    @POST
    @Path("/discover")
    public Discovered discover(DiscoveryInput request) {
        Proposal proposal = Discovery.discover(checked(request == null ? null : request.columns(),
                request == null ? null : request.samples(), request == null ? null : request.sameValues()));
        return new Discovered(proposal.rules(), proposal.sensitive(), proposal.unresolved(), proposal.notSensitive(),
                RuleFileWriter.write(proposal));
    }

    @POST
    @Path("/rules/coverage")
    public Coverage.Report coverage(CoverageRequest request) {
        if (request == null || request.rules() == null) {
            throw new InvalidRequestException("rules", "are missing: give the rule set to check");
        }
        return Coverage.check(request.rules(), Discovery.discover(checked(request.columns(), request.samples(), null)));
    }

    private static DiscoveryInput checked(List<SchemaColumn> columns, Map<String, List<Map<String, String>>> samples,
            Map<String, String> sameValues) {
        if (columns == null || columns.isEmpty()) {
            throw new InvalidRequestException("columns", "are missing: give the schema's columns, [{\"table\":"
                    + " \"public.customer\", \"column\": \"email\", \"type\": \"text\"}, ...]");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            SchemaColumn column = columns.get(i);
            String field = "columns[" + i + "]";
            if (column == null) {
                throw new InvalidRequestException(field, "is null: give {\"table\", \"column\", \"type\"}");
            }
            if (blank(column.table()) || column.table().split("\\.", -1).length != 2) {
                throw new InvalidRequestException(field + ".table", "is '" + column.table() + "': name it schema.table,"
                        + " e.g. public.customer");
            }
            if (blank(column.column())) {
                throw new InvalidRequestException(field + ".column", "is missing: give the column's name");
            }
            if (blank(column.type())) {
                throw new InvalidRequestException(field + ".type", "is missing for " + column.qualified()
                        + ": give its PostgreSQL type as format_type names it (text, integer, jsonb, ...)");
            }
            if (!seen.add(column.qualified())) {
                throw new InvalidRequestException(field, "repeats " + column.qualified() + ": give each column once");
            }
        }
        return new DiscoveryInput(columns, samples, sameValues);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
