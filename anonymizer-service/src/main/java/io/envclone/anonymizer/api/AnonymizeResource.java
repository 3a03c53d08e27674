package io.envclone.anonymizer.api;

import io.envclone.anonymizer.app.AnonymizerStream;
import io.envclone.anonymizer.batch.CompiledRules;
import io.envclone.anonymizer.batch.RuleValidator;
import io.envclone.anonymizer.transform.KeyedHash;
import io.envclone.anonymizer.transform.SourceKnowledge;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.BatchCipher;
import io.envclone.service.fingerprint.FingerprintUploadRequests;
import io.envclone.service.problem.InvalidRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Registering a clone's rules and keys with the anonymizer, previewing rules on sample rows,
 * checking a rule set. Keys are taken, used and never returned or logged.
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AnonymizeResource {

    /**
     * {@code anonymizationKey}: base64 of at least 16 bytes (the environment's key); {@code encryptionKey}: the clone's;
     * {@code unique}: optional, the rules' columns under a one-column unique constraint or key (from the schema analysis);
     * {@code fingerprints}, {@code fingerprintKey}: optional, base64 of the clone's source fingerprints and of their key.
     */
    public record Register(RuleSet rules, String anonymizationKey, String encryptionKey, List<String> unique,
            String fingerprints, String fingerprintKey) {
        @Override
        public String toString() {
            return "Register[rules " + (rules == null ? null : rules.version()) + "]";
        }
    }

    /** A sample row: its table and its columns' text. */
    public record SampleRow(String table, Map<String, String> values) {
    }

    public record Preview(RuleSet rules, String anonymizationKey, List<SampleRow> rows) {
        @Override
        public String toString() {
            return "Preview[" + (rows == null ? 0 : rows.size()) + " rows]";
        }
    }

    /**
     * {@code columns}: optional, {@code schema.table} to column to type, for checks against the schema;
     * {@code unique}: optional, columns ({@code schema.table.column}) under a one-column unique constraint or key.
     */
    public record Validate(RuleSet rules, Map<String, Map<String, String>> columns, List<String> unique) {
    }

    public record Validation(boolean valid, List<RuleValidator.RuleError> errors) {
    }

    private final AnonymizerStream stream;

    AnonymizeResource(AnonymizerStream stream) {
        this.stream = stream;
    }

    @PUT
    @Path("/anonymize/clones/{cloneId}")
    public Response register(@PathParam("cloneId") String cloneId, Register request) {
        if (request == null || request.rules() == null) {
            throw new InvalidRequestException("rules", "are missing: give the clone's rule set");
        }
        BatchCipher cipher;
        try {
            cipher = BatchCipher.fromBase64("encryptionKey", request.encryptionKey());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.fromFieldMessage(e);
        }
        SourceKnowledge real = known(cloneId, request.fingerprints(), request.fingerprintKey());
        stream.registrations().register(cloneId, compile(request.rules(), request.anonymizationKey(), request.unique(), real),
                cipher);
        return Response.noContent().build();
    }

    private final FingerprintUploadRequests uploads = new FingerprintUploadRequests();

    /**
     * A part of the clone's source fingerprints ({@code application/octet-stream}, the cloner's bytes
     * from {@code offset} of {@code total}), before the registration that takes them: a filter of any
     * size arrives in requests of a fixed size.
     */
    @PUT
    @Path("/anonymize/clones/{cloneId}/fingerprints")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response uploadFingerprints(@PathParam("cloneId") String cloneId, @QueryParam("offset") Long offset,
            @QueryParam("total") Long total, byte[] part) {
        return uploads.accept(cloneId, offset, total, part);
    }

    /** A registered clone as {@code GET} shows it: never its rules' keys. */
    public record Registered(String cloneId, String rulesVersion, String failure) {
    }

    /** Whether this anonymizer holds the clone: a restarted one does not (it keeps nothing), and its caller registers it again. */
    @GET
    @Path("/anonymize/clones/{cloneId}")
    public Registered registered(@PathParam("cloneId") String cloneId) {
        return stream.registrations().find(cloneId)
                .map(found -> new Registered(cloneId, found.rules().version(), found.failure()))
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no clone " + cloneId
                        + " is registered on this anonymizer: register it with PUT"));
    }

    @DELETE
    @Path("/anonymize/clones/{cloneId}")
    public Response forget(@PathParam("cloneId") String cloneId) {
        if (!stream.registrations().forget(cloneId)) {
            throw new jakarta.ws.rs.NotFoundException("no clone " + cloneId + " is registered on this anonymizer");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/anonymize/preview")
    public List<SampleRow> preview(Preview request) {
        if (request == null || request.rules() == null || request.rows() == null) {
            throw new InvalidRequestException("body", "needs \"rules\" and \"rows\": [{\"table\": ..., \"values\": {...}}]");
        }
        CompiledRules rules = compile(request.rules(), request.anonymizationKey(), List.of(), SourceKnowledge.NONE);
        try {
            return request.rows().stream()
                    .map(row -> new SampleRow(row.table(), rules.preview(row.table(), row.values())))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("rows", e.getMessage());
        }
    }

    @POST
    @Path("/rules/validate")
    public Validation validate(Validate request) {
        if (request == null || request.rules() == null) {
            throw new InvalidRequestException("rules", "are missing: give the rule set to check");
        }
        List<RuleValidator.RuleError> errors = RuleValidator.validate(request.rules(), request.columns(),
                request.unique() == null ? java.util.Set.of() : java.util.Set.copyOf(request.unique()));
        return new Validation(errors.isEmpty(), errors);
    }

    private SourceKnowledge known(String cloneId, String fingerprints, String fingerprintKey) {
        SourceFingerprints given = uploads.take(cloneId, fingerprints, fingerprintKey);
        return given == null ? SourceKnowledge.NONE : SourceKnowledge.of(given);
    }

    private static CompiledRules compile(RuleSet rules, String anonymizationKey, List<String> unique, SourceKnowledge real) {
        KeyedHash key;
        try {
            byte[] bytes = Base64.getDecoder().decode(anonymizationKey == null ? "" : anonymizationKey);
            key = new KeyedHash(bytes);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("anonymizationKey", "must be base64 of at least 16 random bytes"
                    + " (the environment's key, from its Secret): openssl rand -base64 32");
        }
        java.util.Set<String> uniqueColumns = unique == null ? java.util.Set.of() : java.util.Set.copyOf(unique);
        List<RuleValidator.RuleError> errors = RuleValidator.validate(rules, null, uniqueColumns);
        if (!errors.isEmpty()) {
            RuleValidator.RuleError first = errors.get(0);
            throw new InvalidRequestException("rules", "are not valid: " + first.column() + ": " + first.message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more: POST /api/rules/validate lists them)" : ""));
        }
        return new CompiledRules(rules, key, uniqueColumns, real);
    }
}
