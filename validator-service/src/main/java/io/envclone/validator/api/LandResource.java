package io.envclone.validator.api;

import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.batch.BatchCipher;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.secret.ConnectionUrls;
import io.envclone.api.source.ServerFingerprint;
import io.envclone.service.problem.InvalidRequestException;
import io.envclone.validator.app.LandingStream;
import io.envclone.validator.app.ValidatorConfig;
import io.envclone.validator.audit.WriteAudit;
import io.envclone.validator.land.BatchLander;
import io.envclone.validator.land.Landings;
import io.envclone.validator.land.LeakGate;
import io.envclone.validator.safety.TargetIdentity;
import io.envclone.validator.safety.TargetRequest;
import io.envclone.validator.safety.TargetSafety;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * {@code POST /api/land}: judge the target, record the decision, and land the clone's anonymized
 * batches there as they come; {@code GET /api/land/{cloneId}}: how far it got. Passwords and keys
 * are taken, used and never returned or logged.
 */
@Path("/api/land")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LandResource {

    /** The target database: a JDBC URL, the role and its password. */
    public record Target(String url, String user, String password) {
        @Override
        public String toString() {
            return "Target[url=" + ConnectionUrls.redact(url) + ", user=" + user + "]";
        }
    }

    /**
     * {@code sources}: the fingerprints of the production sources (as the cloner read them); {@code replace}:
     * the target's rows are replaced, which needs {@code confirm} = the target database's name.
     */
    public record Start(String cloneId, Target target, RuleSet rules, String encryptionKey, String fingerprints,
            String fingerprintKey, List<ServerFingerprint> sources, boolean replace, String confirm, String requestedBy) {
        @Override
        public String toString() {
            return "Start[" + cloneId + ", " + target + "]";
        }
    }

    public record Status(String cloneId, long batches, long rows, long redelivered, String failure) {
    }

    private final LandingStream stream;
    private final ValidatorConfig config;
    private final WriteAudit audit;

    LandResource(LandingStream stream, ValidatorConfig config, WriteAudit audit) {
        this.stream = stream;
        this.config = config;
        this.audit = audit;
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
        BatchCipher cipher = cipher(request.encryptionKey());
        SourceFingerprints fingerprints = fingerprints(request.fingerprints(), request.fingerprintKey());
        Target target = request.target();
        if (target == null || target.url() == null || !target.url().startsWith("jdbc:postgresql://")) {
            throw new InvalidRequestException("target.url", "must look like jdbc:postgresql://host:port/database");
        }
        URI address = URI.create(target.url().substring("jdbc:".length()));
        String database = address.getPath() == null ? "" : address.getPath().replaceFirst("^/", "");
        Connection connection = connect(target);
        try {
            ServerFingerprint identity = TargetIdentity.read(connection, address.getHost(),
                    address.getPort() < 0 ? 5432 : address.getPort());
            TargetSafety.Decision decision = TargetSafety.judge(new TargetRequest(identity, database, request.sources(),
                    config.allowedTargetHosts().orElse(Set.of()), config.sameServerAllowed(), request.replace(),
                    request.confirm()));
            audit.record(request.requestedBy(), "land clone " + request.cloneId(), ConnectionUrls.redact(target.url()),
                    decision.allowed(), decision.reason());
            if (!decision.allowed()) {
                throw new RefusedException(decision.reason());
            }
            stream.landings().register(request.cloneId(), cipher, new LeakGate(request.rules(), fingerprints),
                    new BatchLander(connection));
            return Response.accepted(status(request.cloneId())).build();
        } catch (SQLException e) {
            close(connection);
            throw new InvalidRequestException("target", "cannot be prepared for landing: " + e.getMessage());
        } catch (RuntimeException e) {
            close(connection);
            throw e;
        }
    }

    @GET
    @Path("/{cloneId}")
    public Status status(@PathParam("cloneId") String cloneId) {
        Landings.Landing landing = stream.landings().find(cloneId)
                .orElseThrow(() -> new NotFoundException("no clone " + cloneId + " lands on this validator"));
        LandingStream.Progress progress = stream.progress(cloneId);
        return new Status(cloneId, progress.batches(), progress.rows(), progress.redelivered(), landing.failure());
    }

    private static BatchCipher cipher(String encryptionKey) {
        try {
            return BatchCipher.fromBase64("encryptionKey", encryptionKey);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.fromFieldMessage(e);
        }
    }

    private static SourceFingerprints fingerprints(String fingerprints, String fingerprintKey) {
        if (fingerprints == null || fingerprints.isEmpty()) {
            throw new InvalidRequestException("fingerprints", "are missing: give the clone's source fingerprints (base64,"
                    + " from the cloner); without them no batch can be checked for leaks");
        }
        try {
            return SourceFingerprints.fromRequest(fingerprints, fingerprintKey);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.fromFieldMessage(e);
        }
    }

    private static Connection connect(Target target) {
        Properties properties = new Properties();
        properties.setProperty("user", target.user() == null ? "" : target.user());
        properties.setProperty("password", target.password() == null ? "" : target.password());
        properties.setProperty("ApplicationName", "envclone-validator");
        try {
            return DriverManager.getConnection(target.url(), properties);
        } catch (SQLException e) {
            throw new InvalidRequestException("target", "cannot be reached at " + ConnectionUrls.redact(target.url()) + ": "
                    + e.getMessage().split("\n")[0]);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure: nothing more to say
        }
    }
}
