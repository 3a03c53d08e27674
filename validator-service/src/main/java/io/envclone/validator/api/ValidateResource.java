package io.envclone.validator.api;

import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.fingerprint.SourceFingerprints;
import io.envclone.api.schema.MigrationScript;
import io.envclone.service.problem.InvalidRequestException;
import io.envclone.validator.app.FinishedValidation;
import io.envclone.validator.app.KnownTargets;
import io.envclone.validator.check.CheckResult;
import io.envclone.validator.check.HealthChecks;
import io.envclone.validator.land.LeakGate;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Checks of an environment that exists, outside a clone: {@code POST /api/validate} (the whole
 * validation, with what the request knows of the source), {@code POST /api/test} (the
 * functionality suite and the spec's checks only), {@code GET /api/health/{environment}}. Each
 * validation and test is stored as a report; the environment is never changed (the suite's writes
 * are rolled back).
 */
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ValidateResource {

    /**
     * {@code preData}/{@code postData}: the source's migration, for schema parity and the source's
     * facts; {@code expectedRows}: the source's counts; {@code rules}, {@code fingerprints} and
     * {@code fingerprintKey}: for the leak scan. Each is optional: what is not given is not compared.
     */
    public record Validate(Target target, List<String> preData, List<String> postData, Map<String, Long> expectedRows,
            RuleSet rules, String fingerprints, String fingerprintKey, FinishedValidation.Spec validation) {
    }

    public record Test(Target target, FinishedValidation.Spec validation) {
    }

    public record Verdict(String environment, boolean passed, String summary, String reportId) {
    }

    public record Health(String environment, boolean healthy, List<CheckResult> checks) {
    }

    private final FinishedValidation validation;
    private final KnownTargets known;

    ValidateResource(FinishedValidation validation, KnownTargets known) {
        this.validation = validation;
        this.known = known;
    }

    @POST
    @Path("/validate")
    public Verdict validate(Validate request) {
        if (request == null) {
            throw new InvalidRequestException("target", "is missing: give the environment's database to validate");
        }
        Target target = Target.required(request.target(), "target");
        MigrationScript script = request.preData() == null ? null : new MigrationScript(request.preData(),
                request.postData() == null ? List.of() : request.postData(), List.of());
        LeakGate gate = null;
        if (request.fingerprints() != null) {
            try {
                gate = new LeakGate(request.rules() == null ? new RuleSet("none", RuleSet.STRICT, List.of()) : request.rules(),
                        SourceFingerprints.fromRequest(request.fingerprints(), request.fingerprintKey()));
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.fromFieldMessage(e);
            }
        }
        try (Connection environment = target.connectFor(target.database(), "target")) {
            FinishedValidation.Outcome outcome = validation.validate(environment, null, target.database(), script,
                    request.expectedRows() == null ? Map.of() : request.expectedRows(), gate, spec(request.validation()));
            return new Verdict(target.database(), outcome.passed(), outcome.summary(), outcome.reportId());
        } catch (SQLException e) {
            throw new IllegalStateException("the environment could not be read: " + e.getMessage().split("\n")[0], e);
        }
    }

    @POST
    @Path("/test")
    public Verdict test(Test request) {
        if (request == null) {
            throw new InvalidRequestException("target", "is missing: give the environment's database to test");
        }
        Target target = Target.required(request.target(), "target");
        try (Connection environment = target.connectFor(target.database(), "target")) {
            FinishedValidation.Outcome outcome = validation.test(environment, target.database(), spec(request.validation()));
            return new Verdict(target.database(), outcome.passed(), outcome.summary(), outcome.reportId());
        } catch (SQLException e) {
            throw new IllegalStateException("the environment could not be read: " + e.getMessage().split("\n")[0], e);
        }
    }

    /** Health of an environment this validator landed or was given since it started. */
    @GET
    @Path("/health/{environment}")
    public Health health(@PathParam("environment") String environment) {
        Target target = known.find(environment).map(KnownTargets.Known::target).orElseThrow(() -> new NotFoundException(
                "environment " + environment + " is not known to this validator since it started: POST /api/validate"
                        + " with its target instead"));
        try (Connection connection = target.connectFor(environment, "target")) {
            List<CheckResult> checks = HealthChecks.all(connection, null, null);
            return new Health(environment, checks.stream().noneMatch(CheckResult::failed), checks);
        } catch (SQLException e) {
            return new Health(environment, false, List.of(new CheckResult("connect", false,
                    "the environment cannot be read: " + e.getMessage().split("\n")[0])));
        }
    }

    private static FinishedValidation.Spec spec(FinishedValidation.Spec given) {
        return given == null ? FinishedValidation.Spec.none() : given.checked();
    }
}
