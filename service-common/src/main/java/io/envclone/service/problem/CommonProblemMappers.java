package io.envclone.service.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal of every service leaves as problem+json whose detail names the problem and the fix. */
public class CommonProblemMappers {

    public static final String TYPES = "https://envclone.io/problems/";

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return problem(new Problem(TYPES + "invalid-request", "Invalid request", 400, e.getMessage(), e.field()));
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
                "body is not the JSON this endpoint takes: see this service's API in docs/ (one file per service)", "body"));
    }

    public static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
