package io.envclone.validator.api;

import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.crd.EnvironmentType;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.source.SequenceValue;
import io.envclone.api.source.ServerFingerprint;
import io.envclone.service.fingerprint.FingerprintUploadRequests;
import io.envclone.service.problem.InvalidRequestException;
import io.envclone.validator.app.CloneLandings;
import io.envclone.validator.app.FinishedValidation;
import io.envclone.validator.app.KnownTargets;
import io.envclone.validator.app.WriteGuard;
import io.envclone.validator.environment.DatabaseNames;
import io.envclone.validator.land.LeakGate;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/land}: judge the target, record the decision, build the clone's copy beside
 * its environment and land the clone's anonymized batches there as they come;
 * {@code POST /api/land/{id}/finish}: once the cloner is done, finish, validate and switch;
 * {@code GET /api/land/{id}}: how far it got. Passwords and keys are used and never returned or logged.
 */
@Path("/api/land")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LandResource {

    /**
     * {@code target.url} names the environment's database; {@code type}: test, training,
     * development or staging; {@code preData}: the migration's pre-data statements (from the
     * cloner); {@code sources}: the fingerprints of the production sources; {@code confirm}: the
     * environment's name, needed when a refresh replaces an environment that exists.
     */
    public record Start(String cloneId, Target target, String type, List<String> preData, RuleSet rules,
            String encryptionKey, String fingerprints, String fingerprintKey, List<ServerFingerprint> sources,
            String confirm, String requestedBy) {
        @Override
        public String toString() {
            return "Start[" + cloneId + ", " + target + "]";
        }
    }

    /**
     * {@code expectedRows}: {@code schema.table} to the rows the cloner sent; {@code retention}: how
     * long the replaced environment is kept (ISO-8601, e.g. {@code P7D}).
     */
    public record Finish(List<String> postData, Map<String, SequenceValue> sequences, Map<String, Long> expectedRows,
            String retention, FinishedValidation.Spec validation) {
    }

    public record Abandon(String reason) {
    }

    /** The environment types' wire names, from the one enum that declares them. */
    private static final List<String> TYPES = java.util.Arrays.stream(EnvironmentType.values())
            .map(EnvironmentType::wireName).toList();

    private final CloneLandings landings;
    private final WriteGuard guard;
    private final KnownTargets known;

    LandResource(CloneLandings landings, WriteGuard guard, KnownTargets known) {
        this.landings = landings;
        this.guard = guard;
        this.known = known;
    }

    @POST
    public Response start(Start request) {
        if (request == null || request.cloneId() == null || request.cloneId().isBlank()) {
            throw new InvalidRequestException("cloneId", "is missing: name the clone whose batches land here");
        }
        if (request.rules() == null) {
            throw new InvalidRequestException("rules", "are missing: give the environment's rule set (its version is checked"
                    + " on every batch)");
        }
        if (request.preData() == null) {
            throw new InvalidRequestException("preData", "is missing: give the pre-data statements of the source's"
                    + " migration (POST /api/schema/migration on the cloner)");
        }
        String type = request.type() == null ? EnvironmentType.TEST.wireName() : request.type();
        if (!TYPES.contains(type)) {
            throw new InvalidRequestException("type", "must be one of " + TYPES + ", got " + type);
        }
        BatchCipher cipher = cipher(request.encryptionKey());
        SourceFingerprints fingerprints = fingerprints(request.cloneId(), request.fingerprints(), request.fingerprintKey());
        Target target = Target.required(request.target(), "target");
        DatabaseNames names = names(target.database(), "target.url");
        boolean replaces = guard.holdsObjects(target, names.live());
        Connection maintenance = guard.allow(new WriteGuard.Write("land clone " + request.cloneId(), target,
                names.environment(), request.sources(), replaces, request.confirm(), request.requestedBy()));
        try {
            known.remember(names.environment(), target, request.sources());
            landings.start(request.cloneId(), names, type, target, request.preData(), cipher,
                    new LeakGate(request.rules(), fingerprints), maintenance, replaces);
        } catch (SQLException e) {
            throw new InvalidRequestException("preData", "could not build the copy " + names.build() + ": "
                    + e.getMessage().split("\n")[0]);
        }
        return Response.accepted(status(request.cloneId())).build();
    }

    @POST
    @Path("/{cloneId}/finish")
    public Response finish(@PathParam("cloneId") String cloneId, Finish request) {
        if (request == null || request.expectedRows() == null) {
            throw new InvalidRequestException("expectedRows", "is missing: give schema.table to the rows the cloner sent");
        }
        Duration retention = request.retention() == null ? null : EnvironmentResource.duration(request.retention());
        try {
            landings.finish(cloneId, new CloneLandings.Finish(request.postData() == null ? List.of() : request.postData(),
                    request.sequences() == null ? Map.of() : request.sequences(), request.expectedRows(), retention,
                    request.validation() == null ? FinishedValidation.Spec.none() : request.validation().checked()));
        } catch (IllegalStateException e) {
            throw new InvalidRequestException("cloneId", e.getMessage());
        }
        return Response.accepted(status(cloneId)).build();
    }

    @POST
    @Path("/{cloneId}/abandon")
    public Response abandon(@PathParam("cloneId") String cloneId, Abandon request) {
        status(cloneId);
        landings.abandon(cloneId, request == null || request.reason() == null ? "" : request.reason());
        return Response.accepted(status(cloneId)).build();
    }

    @GET
    @Path("/{cloneId}")
    public CloneLandings.Status status(@PathParam("cloneId") String cloneId) {
        return landings.status(cloneId).orElseThrow(() -> new NotFoundException("no clone " + cloneId
                + " lands on this validator: start it with POST /api/land"));
    }

    static DatabaseNames names(String environment, String field) {
        try {
            return new DatabaseNames(environment);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    private static BatchCipher cipher(String encryptionKey) {
        try {
            return BatchCipher.fromBase64("encryptionKey", encryptionKey);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.fromFieldMessage(e);
        }
    }

    private SourceFingerprints fingerprints(String cloneId, String fingerprints, String fingerprintKey) {
        SourceFingerprints given = uploads.take(cloneId, fingerprints, fingerprintKey);
        if (given == null) {
            throw new InvalidRequestException("fingerprints", "are missing: upload the clone's source fingerprints (the"
                    + " cloner's bytes) with PUT /api/land/" + cloneId + "/fingerprints?offset=&total= first, or give them"
                    + " here in base64; without them no batch can be checked for leaks");
        }
        return given;
    }

    private final FingerprintUploadRequests uploads = new FingerprintUploadRequests();

    /**
     * A part of the clone's source fingerprints ({@code application/octet-stream}, the cloner's bytes
     * from {@code offset} of {@code total}), before the {@code POST} that starts the landing.
     */
    @PUT
    @Path("/{cloneId}/fingerprints")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Response uploadFingerprints(@PathParam("cloneId") String cloneId, @QueryParam("offset") Long offset,
            @QueryParam("total") Long total, byte[] part) {
        return uploads.accept(cloneId, offset, total, part);
    }
}
