package io.envclone.cloner.api;

import io.envclone.service.problem.InvalidRequestException;
import io.envclone.api.schema.MigrationScript;
import io.envclone.api.schema.SchemaDiff;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.schema.SyncPlanner;
import io.envclone.api.source.ServerFingerprint;
import io.envclone.cloner.schema.SchemaAnalyzer;
import io.envclone.api.schema.SchemaSelection;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.ReadOnlySourceConnector;
import io.envclone.cloner.source.SourceAccessException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Schema analysis, comparison and migration of sources, each read in a proven read-only session. */
@Path("/api/schema")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {

    private final ReadOnlySourceConnector connector = new ReadOnlySourceConnector();
    private final SchemaAnalyzer analyzer = new SchemaAnalyzer();

    @POST
    @Path("/analyze")
    public SchemaResponses.Analysis analyze(SchemaRequests.Analyze request) {
        SchemaRequests.Analyze body = requireBody(request);
        var reference = SchemaRequests.required(body.source(), "source").toReference("source");
        try (ReadOnlySource source = connector.open(reference)) {
            ServerFingerprint server = source.fingerprint();
            return SchemaResponses.Analysis.of(server, analyzer.analyze(source, body.selection()));
        } catch (SourceAccessException e) {
            throw new SourceProblemException("source", e);
        }
    }

    @POST
    @Path("/compare")
    public SchemaResponses.Comparison compare(SchemaRequests.Compare request) {
        SchemaRequests.Compare body = requireBody(request);
        var sourceReference = SchemaRequests.required(body.source(), "source").toReference("source");
        var targetReference = SchemaRequests.required(body.target(), "target").toReference("target");
        SchemaModel before = model("source", sourceReference, body.selection());
        SchemaModel after = model("target", targetReference, body.selection());
        return SchemaResponses.Comparison.of(SchemaDiff.between(before, after));
    }

    @POST
    @Path("/migration")
    public SchemaResponses.Migration migration(SchemaRequests.Migration request) {
        SchemaRequests.Migration body = requireBody(request);
        var reference = SchemaRequests.required(body.source(), "source").toReference("source");
        SchemaModel source = model("source", reference, body.selection());
        if (body.target() == null) {
            return SchemaResponses.Migration.of(MigrationScript.forEmptyTarget(source));
        }
        SchemaModel environment = model("target", body.target().toReference("target"), body.selection());
        return SchemaResponses.Migration.of(SyncPlanner.plan(source, environment, body.allowDestructive()));
    }

    private SchemaModel model(String field, io.envclone.api.source.SourceReference reference,
            SchemaSelection selection) {
        try (ReadOnlySource source = connector.open(reference)) {
            return analyzer.analyze(source, selection);
        } catch (SourceAccessException e) {
            throw new SourceProblemException(field, e);
        }
    }

    private static <T> T requireBody(T body) {
        if (body == null) {
            throw new InvalidRequestException("body", "is missing: send a JSON object with at least \"source\"");
        }
        return body;
    }
}
