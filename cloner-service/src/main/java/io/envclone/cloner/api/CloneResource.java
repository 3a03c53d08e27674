package io.envclone.cloner.api;

import io.envclone.service.problem.InvalidRequestException;
import io.envclone.service.problem.Problem;
import io.envclone.api.batch.BatchCipher;
import io.envclone.cloner.clone.CloneJob;
import io.envclone.cloner.clone.CloneRegistry;
import io.envclone.cloner.stream.BatchLimits;
import io.envclone.cloner.stream.CloneOptions;
import io.envclone.cloner.stream.RowFilters;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
     */
    public record Start(String cloneId, SourceRequest source, List<String> include, List<String> exclude,
            List<String> includeTables, List<String> excludeTables, Integer parallelism, Integer batchRows,
            Integer batchBytes, Long chunkBytes, Map<String, String> where, String encryptionKey) {

        @Override
        public String toString() {
            return "Start[cloneId=" + cloneId + ", source=" + source + "]";
        }
    }

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
        try {
            CloneJob job = registry.start(cloneId, source, options, cipher);
            return Response.accepted(job.status()).build();
        } catch (IllegalStateException e) {
            return Response.status(409).type(Problem.MEDIA_TYPE).entity(new Problem(
                    "https://envclone.io/problems/clone-running", "Clone already running", 409,
                    e.getMessage() + ": wait for it, cancel it, or use another cloneId", "cloneId")).build();
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
