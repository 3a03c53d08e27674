package io.envclone.api.orchestration;

/**
 * What the services answered in this reconciliation, the input of {@link CloneOrchestration}: the
 * reconciler asks each service about the clone and reports here, including whether its last call
 * reached the service at all.
 *
 * @param schemaRead the cloner has made the source's migration (pre- and post-data DDL) for this clone
 * @param cloner the cloner's state of the clone; null when the cloner does not know it
 * @param anonymizerRegistered the anonymizer holds the clone's rules and keys (it forgets them on a restart)
 * @param validator the validator's landing of the clone; null when it has none
 * @param error the last call to a service that did not succeed; null when every call did
 * @param deleting the CloneRequest is being deleted: a clone in flight is cancelled as with {@code spec.cancel}
 */
public record Observation(boolean schemaRead, Cloner cloner, boolean anonymizerRegistered, Validator validator,
        ServiceError error, boolean deleting) {

    /** The cloner's states ({@code GET /api/clone/{id}}: {@code state}). */
    public enum ClonerState { RUNNING, DONE, FAILED, CANCELLED }

    /**
     * The cloner's view: {@code rows} sent so far (all of them once DONE), {@code tables} read,
     * {@code fingerprintsReady} once the source's fingerprints are built, {@code reason} when it failed.
     */
    public record Cloner(ClonerState state, long rows, int tables, boolean fingerprintsReady, String reason) {

        public static Cloner running(long rows, boolean fingerprintsReady) {
            return new Cloner(ClonerState.RUNNING, rows, 0, fingerprintsReady, "");
        }

        public static Cloner done(long rows, int tables) {
            return new Cloner(ClonerState.DONE, rows, tables, true, "");
        }

        public static Cloner failed(String reason) {
            return new Cloner(ClonerState.FAILED, 0, 0, false, reason);
        }
    }

    /** The validator's landing phases ({@code GET /api/land/{id}}: {@code phase}). */
    public enum LandingPhase { LANDING, FINISHING, VALIDATING, READY, FAILED }

    /** The validator's view: phase, reason when failed, the report once validated, rows and batches landed. */
    public record Validator(LandingPhase phase, String reason, String reportId, long rows, long batches,
            long redeliveries) {

        /** Whether rows may still be on their way to the landing (through the anonymizer). */
        public boolean awaitsRows() {
            return phase == LandingPhase.LANDING || phase == LandingPhase.FINISHING;
        }

        public static Validator landing(long rows) {
            return new Validator(LandingPhase.LANDING, "", null, rows, 0, 0);
        }

        public static Validator at(LandingPhase phase) {
            return new Validator(phase, "", null, 0, 0, 0);
        }
    }

    /**
     * A call that did not succeed: {@code retryable} when the service could not be reached or
     * answered 5xx, false when it refused (4xx: a safety refusal, a malformed request).
     */
    public record ServiceError(String service, String message, boolean retryable) {

        public static ServiceError unreachable(String service, String message) {
            return new ServiceError(service, message, true);
        }

        public static ServiceError refused(String service, String message) {
            return new ServiceError(service, message, false);
        }
    }

    public static Observation nothing() {
        return new Observation(false, null, false, null, null, false);
    }

    public Observation withSchemaRead() {
        return new Observation(true, cloner, anonymizerRegistered, validator, error, deleting);
    }

    public Observation with(Cloner cloner) {
        return new Observation(schemaRead, cloner, anonymizerRegistered, validator, error, deleting);
    }

    public Observation withAnonymizerRegistered() {
        return new Observation(schemaRead, cloner, true, validator, error, deleting);
    }

    public Observation with(Validator validator) {
        return new Observation(schemaRead, cloner, anonymizerRegistered, validator, error, deleting);
    }

    public Observation with(ServiceError error) {
        return new Observation(schemaRead, cloner, anonymizerRegistered, validator, error, deleting);
    }

    public Observation beingDeleted() {
        return new Observation(schemaRead, cloner, anonymizerRegistered, validator, error, true);
    }
}
