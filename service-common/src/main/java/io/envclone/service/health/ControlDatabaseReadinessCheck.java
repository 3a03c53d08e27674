package io.envclone.service.health;

import io.envclone.service.config.HealthConfig;
import io.envclone.service.database.ControlDatabase;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the control database answers a query within the health timeout. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "envclone.control-database.enabled", stringValue = "true")
public class ControlDatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "control-database";

    private final ControlDatabase database;
    private final HealthConfig health;

    ControlDatabaseReadinessCheck(ControlDatabase database, HealthConfig health) {
        this.database = database;
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("database", database.settings().describe());
        return HealthProbes.probe(response, health.timeout(), (builder, timeoutMillis) ->
                database.pool().query("select 1").execute()
                        .toCompletionStage().toCompletableFuture()
                        .get(timeoutMillis, TimeUnit.MILLISECONDS));
    }
}
