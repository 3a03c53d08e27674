package io.envclone.cloner.api;

import io.envclone.service.problem.CommonProblemMappers;
import io.envclone.service.problem.InvalidRequestException;
import io.envclone.service.problem.Problem;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.source.SourceReference;
import io.envclone.cloner.clone.CloneJob;
import io.envclone.cloner.clone.CloneRegistry;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.cloner.source.SourceAccessException;
import io.envclone.cloner.stream.BatchLimits;
import io.envclone.cloner.stream.CloneOptions;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.cloner.stream.CloneFingerprints;
import io.envclone.cloner.stream.FingerprintRequest;
import io.envclone.cloner.stream.RowFilters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Start, follow and cancel the streaming of a source to Kafka. */
@Path("/api/clone")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CloneResource {

    private static final Pattern CLONE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * The start request. {@code encryptionKey}: base64 of 32 random bytes; raw batches are
     * encrypted with it and it is never stored. {@code where}: row filters, {@code schema.table} to
     * an SQL condition. {@code chunkBytes}: tables larger than this are cut into key ranges.
     * {@code fingerprintColumns}: {@code schema.table.column}s whose values go into the source
     * fingerprints, made with {@code fingerprintKey} (base64, at least 16 bytes, never stored).
     */
    public record Start(String cloneId, SourceRequest source, List<String> include, List<String> exclude,
            List<String> includeTables, List<String> excludeTables, Integer parallelism, Integer batchRows,
            Integer batchBytes, Long chunkBytes, Map<String, String> where, String encryptionKey,
            List<String> fingerprintColumns, String fingerprintKey) {

        @Override
        public String toString() {
            return "Start[cloneId=" + cloneId + ", source=" + source + "]";
        }
    }

    /** {@code GET /api/clone/{id}/fingerprints}: {@code values} added, the filter in base64; the key stays the caller's. */
    public record Fingerprints(String cloneId, long values, String fingerprints) {
    }

    private final ReadOnlySourceConnector connector = new ReadOnlySourceConnector();
    private final CloneRegistry registry;

    CloneResource(CloneRegistry registry) {
        this.registry = registry;
    }

    @POST
    public Response start(Start request) {
        if (request == null) {
            throw new InvalidRequestException("body", "is missing: send at least \"source\" and \"encryptionKey\"");
        }
        String cloneId = request.cloneId() == null ? "clone-" + UUID.randomUUID() : request.cloneId();
        if (!CLONE_ID.matcher(cloneId).matches()) {
            throw new InvalidRequestException("cloneId", "must be lower-case letters, digits and dashes (at most 63)");
        }
        var source = SchemaRequests.required(request.source(), "source").toReference("source");
        CloneOptions options = options(request);
        BatchCipher cipher;
        try {
            cipher = BatchCipher.fromBase64("encryptionKey", request.encryptionKey());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("encryptionKey", e.getMessage().substring("encryptionKey ".length()));
        }
        FingerprintRequest fingerprinting;
        try {
            fingerprinting = FingerprintRequest.of(request.fingerprintColumns(), request.fingerprintKey());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.fromFieldMessage(e);
        }
        requireColumns(source, options, fingerprinting);
        try {
            CloneJob job = registry.start(cloneId, source, options, cipher, fingerprinting);
            return Response.accepted(job.status()).build();
        } catch (IllegalStateException e) {
            return Response.status(409).type(Problem.MEDIA_TYPE).entity(new Problem(
                    "https://envclone.io/problems/clone-running", "Clone already running", 409,
                    e.getMessage() + ": wait for it, cancel it, or use another cloneId", "cloneId")).build();
        }
    }

    /**
     * A column that is not there is the caller's mistake: told now, as a 400, not as a clone that fails
     * later. Read in a transaction of its own; the clone checks again in its snapshot.
     */
    private void requireColumns(SourceReference source, CloneOptions options, FingerprintRequest fingerprinting) {
        if (fingerprinting.isEmpty()) {
            return;
        }
        List<String> missing;
        try (ReadOnlySource session = connector.open(source)) {
            missing = fingerprinting.missingIn(session, options.selection());
        } catch (SourceAccessException e) {
            throw new SourceProblemException("source", e);
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("fingerprintColumns", "names " + String.join(", ", missing)
                    + ", which the clone does not copy: check the names (schema.table.column) and the selection");
        }
    }

    /** The request's options, defaults where it is silent; a value out of range names its field. */
    private static CloneOptions options(Start request) {
        try {
            BatchLimits defaults = BatchLimits.defaults();
            return new CloneOptions(SchemaRequests.selection(request.include(), request.exclude(),
                    request.includeTables(), request.excludeTables()),
                    request.parallelism() == null ? 2 : request.parallelism(),
                    new BatchLimits(request.batchRows() == null ? defaults.rows() : request.batchRows(),
                            request.batchBytes() == null ? defaults.bytes() : request.batchBytes()),
                    request.chunkBytes() == null ? CloneOptions.DEFAULT_CHUNK_BYTES : request.chunkBytes(),
                    new RowFilters(request.where()));
        } catch (IllegalArgumentException e) {
            // every such message starts with the field it is about
            String message = e.getMessage();
            throw new InvalidRequestException(message.split(" ")[0], message.substring(message.indexOf(' ') + 1));
        }
    }

    @GET
    @Path("/{id}")
    public CloneJob.Status status(@PathParam("id") String cloneId) {
        return job(cloneId).status();
    }

    /**
     * The source fingerprints of the clone, once built: in base64 inside JSON, or, asked with
     * {@code Accept: application/octet-stream} (and not JSON), as their bytes, streamed: what the
     * command relays in parts, whatever the size. A 409 says why not yet, or why never.
     */
    @GET
    @Path("/{id}/fingerprints")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public Response fingerprints(@PathParam("id") String cloneId, @jakarta.ws.rs.core.Context HttpHeaders headers) {
        boolean bytes = headers.getAcceptableMediaTypes().stream().findFirst()
                .filter(MediaType.APPLICATION_OCTET_STREAM_TYPE::equals).isPresent();
        return built(cloneId, built -> {
            if (!bytes) {
                return Response.ok(new Fingerprints(cloneId, built.values(), built.filter().toBase64()))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
            }
            SourceFingerprints filter = built.filter();
            jakarta.ws.rs.core.StreamingOutput stream = filter::writeTo;
            return Response.ok(stream, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                    .header("Content-Length", filter.byteSize()).build();
        });
    }

    private Response built(String cloneId, java.util.function.Function<CloneFingerprints, Response> answer) {
        CloneJob job = job(cloneId);
        if (!job.fingerprintsAsked()) {
            return conflict("fingerprints-not-asked", "this clone was started without fingerprintColumns: give them,"
                    + " with fingerprintKey, in the start request of the clone that needs them", "fingerprintColumns");
        }
        return job.fingerprints().map(answer).orElseGet(() -> {
            CloneJob.Status status = job.status();
            return conflict("fingerprints-not-ready", status.state() == CloneJob.State.RUNNING
                    ? "not built yet: they are read before the first batch; wait for fingerprintsReady in"
                            + " GET /api/clone/" + cloneId
                    : "never built: the clone ended " + status.state() + " before (" + status.reason() + ")",
                    null);
        });
    }

    private static Response conflict(String type, String detail, String field) {
        return CommonProblemMappers.problem(new Problem(CommonProblemMappers.TYPES + type, "Fingerprints not available",
                409, detail, field));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD) // no body: curl -X POST .../cancel must work
    public Response cancel(@PathParam("id") String cloneId) {
        CloneJob job = job(cloneId);
        job.cancel();
        return Response.accepted(job.status()).build();
    }

    private CloneJob job(String cloneId) {
        return registry.find(cloneId).orElseThrow(() -> new jakarta.ws.rs.NotFoundException(
                "no clone " + cloneId + " on this cloner: start it with POST /api/clone"));
    }
}
