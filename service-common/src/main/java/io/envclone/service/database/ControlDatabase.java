package io.envclone.service.database;

import io.envclone.service.config.ControlDatabaseConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** The reactive connection pool to the service's control database. */
@ApplicationScoped
@IfBuildProperty(name = "envclone.control-database.enabled", stringValue = "true")
public class ControlDatabase {

    private final ControlDatabaseSettings settings;
    private final Pool pool;

    ControlDatabase(ControlDatabaseConfig config, Vertx vertx) {
        this.settings = ControlDatabaseSettings.from(config);
        this.pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(settings.poolSize()).setName("envclone-control"))
                .connectingTo(settings.connectOptions())
                .using(vertx)
                .build();
    }

    public Pool pool() {
        return pool;
    }

    public ControlDatabaseSettings settings() {
        return settings;
    }

    @PreDestroy
    void close() {
        pool.close();
    }
}
