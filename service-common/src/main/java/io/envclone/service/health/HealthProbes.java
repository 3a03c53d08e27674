package io.envclone.service.health;

import io.envclone.api.secret.ConnectionUrls;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Runs one readiness probe of a dependency: UP when it answers within the timeout, DOWN with a
 * short reason (any URL in it redacted) when it fails or stays silent.
 */
public final class HealthProbes {

    /** Asks the dependency; may add data to the response; throws when it does not answer. */
    @FunctionalInterface
    public interface Probe {
        void ask(HealthCheckResponseBuilder response, long timeoutMillis) throws Exception;
    }

    private HealthProbes() {
    }

    public static HealthCheckResponse probe(HealthCheckResponseBuilder response, Duration timeout, Probe probe) {
        try {
            probe.ask(response, timeout.toMillis());
            return response.up().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("error", describe(e)).build();
        }
    }

    static String describe(Throwable failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return "no answer within the health timeout";
        }
        String message = cause.getMessage() == null ? "" : ": " + ConnectionUrls.redact(cause.getMessage());
        return cause.getClass().getSimpleName() + message;
    }
}
