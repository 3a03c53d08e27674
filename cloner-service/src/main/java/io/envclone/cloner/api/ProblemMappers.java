package io.envclone.cloner.api;

import io.envclone.cloner.source.SourceAccessException;
import io.envclone.service.problem.CommonProblemMappers;
import io.envclone.service.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The cloner's own refusals: a source it cannot read safely. The common ones are in {@link CommonProblemMappers}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response sourceProblem(SourceProblemException problem) {
        SourceAccessException e = problem.access();
        int status = switch (e.reason()) {
            case UNREACHABLE -> 502;
            case FAILED -> 500;
            default -> 422;
        };
        String type = CommonProblemMappers.TYPES + "source-"
                + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return CommonProblemMappers.problem(new Problem(type, "The source cannot be read safely", status, e.getMessage(),
                problem.field()));
    }
}
