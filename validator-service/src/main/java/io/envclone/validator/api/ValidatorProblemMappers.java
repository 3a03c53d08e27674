package io.envclone.validator.api;

import io.envclone.service.problem.CommonProblemMappers;
import io.envclone.service.problem.Problem;
import io.envclone.validator.environment.EnvironmentException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The validator's own refusals and environment errors as problem+json. */
public class ValidatorProblemMappers {

    @ServerExceptionMapper
    public Response refused(RefusedException e) {
        return CommonProblemMappers.problem(new Problem(CommonProblemMappers.TYPES + "refused-by-safety-check",
                "Refused by a safety check", 403, e.getMessage(), "target"));
    }

    /** An environment operation refused (403), impossible in the environment's state (409), or on nothing (404). */
    @ServerExceptionMapper
    public Response environment(EnvironmentException e) {
        return switch (e.kind()) {
            case REFUSED -> CommonProblemMappers.problem(new Problem(CommonProblemMappers.TYPES + "refused-by-safety-check",
                    "Refused by a safety check", 403, e.getMessage(), "name"));
            case CONFLICT -> CommonProblemMappers.problem(new Problem(CommonProblemMappers.TYPES + "environment-state",
                    "Not possible in the environment's state", 409, e.getMessage(), "name"));
            case NOT_FOUND -> CommonProblemMappers.problem(new Problem(CommonProblemMappers.TYPES + "no-such-environment",
                    "No such environment", 404, e.getMessage(), "name"));
        };
    }
}
