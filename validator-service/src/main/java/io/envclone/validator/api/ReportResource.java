package io.envclone.validator.api;

import io.envclone.validator.app.ReportStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/reports/{id}}: a stored validation report, as JSON, or as Markdown for {@code Accept: text/markdown}. */
@Path("/api/reports/{id}")
public class ReportResource {

    private final ReportStore reports;

    ReportResource(ReportStore reports) {
        this.reports = reports;
    }

    @GET
    @Produces("application/json")
    public Response json(@PathParam("id") String id) {
        return Response.ok(find(id).json(), "application/json").build();
    }

    @GET
    @Produces("text/markdown")
    public Response markdown(@PathParam("id") String id) {
        return Response.ok(find(id).markdown(), "text/markdown; charset=utf-8").build();
    }

    private ReportStore.Stored find(String id) {
        return reports.find(id).orElseThrow(() -> new NotFoundException("no report " + id + " on this validator"));
    }
}
