package io.envclone.service.database;

import io.envclone.service.config.ControlDatabaseConfig;
import io.quarkus.arc.properties.IfBuildProperty;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Waits for {@code query} from a worker or request thread (never the event loop); a failure
     * or a silence of 30 s says what was being done.
     */
    public static <T> T await(Future<T> query, String doing) {
        try {
            return query.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the control database failed while " + doing + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        }
    }

    public ControlDatabaseSettings settings() {
        return settings;
    }

    @PreDestroy
    void close() {
        pool.close();
    }
}
