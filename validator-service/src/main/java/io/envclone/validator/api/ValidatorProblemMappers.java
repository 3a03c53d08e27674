package io.envclone.validator.api;

import io.envclone.service.problem.CommonProblemMappers;
import io.envclone.service.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The validator's own refusals as problem+json. */
public class ValidatorProblemMappers {

    @ServerExceptionMapper
    public Response refused(RefusedException e) {
        return CommonProblemMappers.problem(new Problem(CommonProblemMappers.TYPES + "refused-by-safety-check",
                "Refused by a safety check", 403, e.getMessage(), "target"));
    }
}
