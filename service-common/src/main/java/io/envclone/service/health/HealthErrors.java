package io.envclone.service.health;

import io.envclone.api.secret.ConnectionUrls;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns a failed probe into a short reason for the health response, with any URL redacted. */
final class HealthErrors {

    private HealthErrors() {
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
