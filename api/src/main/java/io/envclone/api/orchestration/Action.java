package io.envclone.api.orchestration;

/**
 * What the driver of a clone (the command's {@code CloneDriver} now, the operator's reconciler later)
 * does next over the services' REST APIs.
 */
public enum Action {
    /** {@code POST /api/schema/migration} and {@code /analyze} at the cloner. */
    READ_SCHEMA,
    /** {@code POST /api/clone} with fresh keys and the columns to fingerprint. */
    START_CLONE,
    /** {@code POST /api/clone} resuming {@code spec.resumeFrom} from its checkpoints. */
    RESUME_CLONE,
    /** {@code PUT /api/anonymize/clones/{id}} at the anonymizer, then {@code POST /api/land} at the validator; both idempotent. */
    REGISTER_ANONYMIZER_AND_START_LANDING,
    /** {@code POST /api/land/{id}/finish} with the cloner's counts and sequences. */
    FINISH_LANDING,
    /** Nothing to do but look again after {@link Decision#after()}. */
    WAIT,
    /** A service could not be reached: the same step again after {@link Decision#after()}. */
    RETRY,
    /** {@code POST /api/clone/{id}/cancel}: the landing has not started or is already gone. */
    CANCEL_CLONE,
    /** {@code POST /api/land/{id}/abandon}: the half-built copy is dropped, the environment stays. */
    ABANDON_LANDING,
    /** Both of the above. */
    CANCEL_CLONE_AND_ABANDON_LANDING,
    /** The copy is the environment: record it, nothing to call. */
    COMPLETE,
    /** The clone failed and nothing is left to stop: record it. */
    FAIL,
    /** The clone was over already, or was cancelled before anything started: nothing to call. */
    NOTHING
}
