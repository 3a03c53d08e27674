package io.envclone.cloner.api;

import io.envclone.cloner.source.SourceAccessException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal leaves as problem+json whose detail names the problem and the fix. */
public class ProblemMappers {

    private static final String TYPES = "https://envclone.io/problems/";

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(new Problem(TYPES + "invalid-request", "Invalid request", 400, e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response sourceProblem(SourceProblemException problem) {
        SourceAccessException e = problem.access();
        int status = switch (e.reason()) {
            case UNREACHABLE -> 502;
            case FAILED -> 500;
            default -> 422;
        };
        String type = TYPES + "source-" + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return problem(new Problem(type, "The source cannot be read safely", status, e.getMessage(), problem.field()));
    }

    @ServerExceptionMapper
    public Response unreadableBody(com.fasterxml.jackson.core.JsonProcessingException e) {
        return problem(new Problem(TYPES + "invalid-request", "Invalid request", 400,
                "body is not the JSON this endpoint takes: " + e.getOriginalMessage(), "body"));
    }

    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e) {
        return problem(new Problem(TYPES + "not-found", "Not found", 404, e.getMessage(), null));
    }

    /** The framework's own 400s (a body that is not JSON at all) get the same shape as ours. */
    @ServerExceptionMapper
    public Response badRequest(jakarta.ws.rs.WebApplicationException e) {
        if (e.getResponse().getStatus() != 400) {
            return e.getResponse();
        }
        return problem(new Problem(TYPES + "invalid-request", "Invalid request", 400,
                "body is not the JSON this endpoint takes: send a JSON object with at least \"source\"", "body"));
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
