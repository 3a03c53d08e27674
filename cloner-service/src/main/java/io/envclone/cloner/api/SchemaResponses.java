package io.envclone.cloner.api;

import io.envclone.api.schema.MigrationScript;
import io.envclone.api.schema.ObjectKind;
import io.envclone.api.schema.SchemaDiff;
import io.envclone.api.schema.SchemaModel;
import io.envclone.api.schema.SchemaObject;
import io.envclone.api.schema.SyncMigration;
import io.envclone.api.source.ServerFingerprint;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the schema endpoints answer. */
public final class SchemaResponses {

    private SchemaResponses() {
    }

    /** {@code skipped}: what the source has that is not copied, each with what to do about it. */
    public record Analysis(ServerFingerprint server, Map<ObjectKind, Long> counts, List<SchemaObject> objects,
            List<String> skipped) {

        static Analysis of(ServerFingerprint server, SchemaModel model) {
            return new Analysis(server, model.countsByKind(), List.copyOf(model.objects().values()), model.skipped());
        }
    }

    public record Comparison(boolean identical, SchemaDiff diff, String text) {

        static Comparison of(SchemaDiff diff) {
            return new Comparison(diff.isEmpty(), diff, diff.render());
        }
    }

    /** {@code kind} is {@code create} (an empty target: pre- and post-data) or {@code sync} (an existing one). */
    public record Migration(String kind, List<String> sessionSettings, List<String> preData, List<String> postData,
            List<String> skipped, SyncMigration sync, String script) {

        static Migration of(MigrationScript script) {
            return new Migration("create", MigrationScript.SESSION_SETTINGS, script.preData(), script.postData(),
                    script.skipped(), null, script.render());
        }

        static Migration of(SyncMigration sync) {
            String script = sync.statements().stream().map(sql -> sql + ";\n").collect(Collectors.joining());
            return new Migration("sync", MigrationScript.SESSION_SETTINGS, List.of(), List.of(), List.of(), sync, script);
        }
    }
}
