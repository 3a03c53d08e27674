package io.envclone.api.orchestration;

import io.envclone.api.crd.CloneProgress;
import io.envclone.api.crd.ClonePhase;
import io.envclone.api.crd.CloneRequestSpec;
import io.envclone.api.crd.CloneRequestStatus;
import io.envclone.api.crd.CloneStatistics;
import io.envclone.api.orchestration.Observation.Cloner;
import io.envclone.api.orchestration.Observation.ClonerState;
import io.envclone.api.orchestration.Observation.LandingPhase;
import io.envclone.api.orchestration.Observation.ServiceError;
import io.envclone.api.orchestration.Observation.Validator;
import java.time.Duration;
import java.time.Instant;

/**
 * Given a CloneRequest's spec, its status and what the services answered, what happens next: the
 * one decision behind the operator's reconciler, a plain function (it calls nothing, waits on
 * nothing). The path, step by step: the source's migration; the clone started (or
 * resumed) with the columns to fingerprint; once the fingerprints are ready, the anonymizer
 * registered and the landing started; once the cloner is done, the landing finished with its
 * counts and sequences; then the validator's verdict. A cloner that fails has its landing
 * abandoned, a validator that fails has its clone cancelled; a service out of reach is tried
 * again with a doubling delay, {@link #MAX_RETRIES} times, then the clone fails. A service that
 * restarted and forgot the clone is given it again: the cloner resumes from its checkpoints, the
 * validator lands on from its ledger, the anonymizer is registered again.
 *
 * <p>Contract with the caller: take the action, then write the decision's status. When the action
 * itself fails, write nothing and decide again with the same status and the error observed.
 */
public final class CloneOrchestration {

    /** How long to wait before looking again at a clone in flight. */
    public static final Duration POLL = Duration.ofSeconds(2);
    /** The first delay after a service could not be reached; it doubles each time. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    public static final Duration MAX_RETRY = Duration.ofMinutes(1);
    /** Attempts in a row a service may be out of reach before the clone fails. */
    public static final int MAX_RETRIES = 5;

    /** Reasons, CamelCase per the conventions, in the conditions. */
    public static final String REASON_PENDING = "Pending";
    public static final String REASON_READING_SCHEMA = "ReadingSchema";
    public static final String REASON_FINGERPRINTING = "Fingerprinting";
    public static final String REASON_RESUMING = "Resuming";
    public static final String REASON_CLONING = "Cloning";
    public static final String REASON_FINISHING = "Finishing";
    public static final String REASON_VALIDATED = "Validated";
    public static final String REASON_CLONE_FAILED = "CloneFailed";
    public static final String REASON_LANDING_FAILED = "LandingFailed";
    public static final String REASON_REFUSED = "Refused";
    public static final String REASON_SERVICE_UNREACHABLE = "ServiceUnreachable";
    public static final String REASON_RETRIES_EXHAUSTED = "RetriesExhausted";
    public static final String REASON_HEALING = "Healing";
    public static final String REASON_CANCELLED = "Cancelled";

    private CloneOrchestration() {
    }

    public static Decision next(CloneRequestSpec spec, long generation, CloneRequestStatus current,
            Observation observed, Instant now) {
        CloneRequestStatus status = current == null ? CloneRequestStatus.initial() : current;
        Step step = new Step(status, generation, now);
        ClonePhase phase = status.phase();
        if (phase.isFinal()) {
            return new Decision(Action.NOTHING, status, Duration.ZERO);
        }
        if (observed.error() != null) {
            return afterError(step, phase, observed.error());
        }
        // a copy already switched in cannot be cancelled: the verdict wins (a driver that resumed may see it while landing)
        if ((phase == ClonePhase.FINISHING || phase == ClonePhase.CLONING) && observed.validator() != null
                && observed.validator().phase() == LandingPhase.READY) {
            return complete(step, observed);
        }
        if (spec.cancelRequested() || observed.deleting()) {
            return step.end(stopping(phase), ClonePhase.CANCELLED, REASON_CANCELLED,
                    observed.deleting() ? "the CloneRequest is being deleted" : "cancelled by spec.cancel",
                    progress(status, observed));
        }
        return switch (phase) {
            case PENDING -> step.go(Action.READ_SCHEMA, ClonePhase.SCHEMA, REASON_READING_SCHEMA,
                    "reading the source's schema", status.progress(), Duration.ZERO);
            case SCHEMA -> observed.schemaRead() ? startClone(step, spec)
                    : step.go(Action.READ_SCHEMA, ClonePhase.SCHEMA, REASON_READING_SCHEMA,
                            "reading the source's schema", status.progress(), Duration.ZERO);
            case FINGERPRINTING -> fingerprinting(step, observed);
            case CLONING -> cloning(step, observed);
            case FINISHING -> finishing(step, observed);
            default -> throw new IllegalStateException("final phase " + phase);
        };
    }

    private static Decision startClone(Step step, CloneRequestSpec spec) {
        if (spec.resuming()) {
            return step.go(Action.RESUME_CLONE, ClonePhase.FINGERPRINTING, REASON_RESUMING,
                    "resuming clone " + spec.resumeFrom() + " from its checkpoints", step.status.progress(), POLL);
        }
        return step.go(Action.START_CLONE, ClonePhase.FINGERPRINTING, REASON_FINGERPRINTING,
                "the cloner builds the source's fingerprints", step.status.progress(), POLL);
    }

    private static Decision fingerprinting(Step step, Observation observed) {
        Cloner cloner = observed.cloner();
        CloneProgress progress = progress(step.status, observed);
        if (cloner == null) {
            return resumeCloner(step, ClonePhase.FINGERPRINTING, progress);
        }
        if (cloner.fingerprintsReady() && cloner.state() != ClonerState.FAILED
                && cloner.state() != ClonerState.CANCELLED) {
            return step.go(Action.REGISTER_ANONYMIZER_AND_START_LANDING, ClonePhase.CLONING, REASON_CLONING,
                    "fingerprints ready: rows moving", progress, POLL);
        }
        if (cloner.state() == ClonerState.RUNNING) {
            return step.go(Action.WAIT, ClonePhase.FINGERPRINTING, step.reason(), step.status.phaseReason(), progress,
                    POLL);
        }
        return step.end(Action.FAIL, ClonePhase.FAILED, REASON_CLONE_FAILED, clonerFailure(cloner), progress);
    }

    private static Decision cloning(Step step, Observation observed) {
        Cloner cloner = observed.cloner();
        Validator validator = observed.validator();
        CloneProgress progress = progress(step.status, observed);
        if (validator != null && validator.phase() == LandingPhase.FAILED) {
            return step.end(cloner == null || cloner.state() == ClonerState.RUNNING ? Action.CANCEL_CLONE : Action.FAIL,
                    ClonePhase.FAILED, REASON_LANDING_FAILED, "validator: " + validator.reason(), progress);
        }
        if (cloner == null) {
            return resumeCloner(step, ClonePhase.CLONING, progress);
        }
        if (cloner.state() == ClonerState.FAILED || cloner.state() == ClonerState.CANCELLED) {
            return step.end(Action.ABANDON_LANDING, ClonePhase.FAILED, REASON_CLONE_FAILED, clonerFailure(cloner),
                    progress);
        }
        if (!observed.anonymizerRegistered() || validator == null) {
            // the anonymizer forgets its clones on a restart; registering and landing again are idempotent
            return step.go(Action.REGISTER_ANONYMIZER_AND_START_LANDING, ClonePhase.CLONING, REASON_CLONING,
                    observed.anonymizerRegistered() ? "starting the landing" : "registering the clone with the anonymizer",
                    progress, POLL);
        }
        if (validator.phase() == LandingPhase.FINISHING || validator.phase() == LandingPhase.VALIDATING) {
            // finished already, by the run before this one (resumed): it is not finished twice
            return step.go(Action.WAIT, ClonePhase.FINISHING, REASON_FINISHING, "validator: "
                    + validator.phase().name().toLowerCase(java.util.Locale.ROOT), progress, POLL);
        }
        if (cloner.state() == ClonerState.DONE) {
            return step.go(Action.FINISH_LANDING, ClonePhase.FINISHING, REASON_FINISHING,
                    "the cloner sent " + cloner.rows() + " rows: finishing, validating, switching",
                    new CloneProgress(cloner.rows(), progress.rowsLanded(), cloner.rows()), POLL);
        }
        return step.go(Action.WAIT, ClonePhase.CLONING, REASON_CLONING, "rows moving", progress, POLL);
    }

    private static Decision finishing(Step step, Observation observed) {
        Validator validator = observed.validator();
        CloneProgress progress = progress(step.status, observed);
        if (validator == null) {
            // back to landing: once the validator holds the clone again, the cloner's counts finish it again
            return step.go(Action.REGISTER_ANONYMIZER_AND_START_LANDING, ClonePhase.CLONING, REASON_HEALING,
                    "the validator no longer knows the clone (restarted?): landing it again from its ledger", progress,
                    POLL);
        }
        if (!observed.anonymizerRegistered() && validator.awaitsRows()) {
            // the last rows may still wait in the raw topic for an anonymizer that forgot the clone
            return step.go(Action.REGISTER_ANONYMIZER_AND_START_LANDING, ClonePhase.FINISHING, REASON_HEALING,
                    "the anonymizer no longer knows the clone (restarted?): registering it again", progress, POLL);
        }
        return switch (validator.phase()) {
            case READY -> complete(step, observed);
            case FAILED -> step.end(Action.FAIL, ClonePhase.FAILED, REASON_LANDING_FAILED,
                    "validator: " + validator.reason(), progress);
            default -> step.go(Action.WAIT, ClonePhase.FINISHING, REASON_FINISHING,
                    "validator: " + validator.phase().name().toLowerCase(java.util.Locale.ROOT), progress, POLL);
        };
    }

    private static Decision complete(Step step, Observation observed) {
        Validator validator = observed.validator();
        Cloner cloner = observed.cloner();
        CloneProgress progress = progress(step.status, observed);
        CloneStatistics statistics = new CloneStatistics(validator.rows(), cloner == null ? 0 : cloner.tables(),
                validator.batches(), validator.redeliveries());
        CloneRequestStatus done = step.status(ClonePhase.READY, REASON_VALIDATED,
                "validated and switched in: report " + validator.reportId(), progress, 0);
        done = new CloneRequestStatus(done.observedGeneration(), done.phase(), done.phaseReason(), done.progress(),
                done.conditions(), statistics, validator.reportId(), done.retries());
        return new Decision(Action.COMPLETE, done, Duration.ZERO);
    }

    private static Decision afterError(Step step, ClonePhase phase, ServiceError error) {
        if (!error.retryable()) {
            return step.end(stopping(phase), ClonePhase.FAILED, REASON_REFUSED,
                    error.service() + " refused: " + error.message(), step.status.progress());
        }
        int retries = step.status.retries() + 1;
        if (retries > MAX_RETRIES) {
            return step.end(stopping(phase), ClonePhase.FAILED, REASON_RETRIES_EXHAUSTED,
                    error.service() + " out of reach " + MAX_RETRIES + " times in a row: " + error.message(),
                    step.status.progress());
        }
        Duration delay = backoff(retries);
        CloneRequestStatus waiting = step.status(phase, REASON_SERVICE_UNREACHABLE,
                error.service() + " out of reach (attempt " + retries + " of " + MAX_RETRIES + ", again in "
                        + delay.toSeconds() + " s): " + error.message(), step.status.progress(), retries);
        return new Decision(Action.RETRY, waiting, delay);
    }

    /** The delay before attempt {@code retry} (1-based): 2 s, 4 s, 8 s, ... at most {@link #MAX_RETRY}. */
    public static Duration backoff(int retry) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(retry - 1, 20));
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    /** What has to be stopped when a clone ends early in {@code phase}. */
    private static Action stopping(ClonePhase phase) {
        return switch (phase) {
            case FINGERPRINTING -> Action.CANCEL_CLONE;
            case CLONING -> Action.CANCEL_CLONE_AND_ABANDON_LANDING;
            case FINISHING -> Action.ABANDON_LANDING;
            default -> Action.NOTHING;
        };
    }

    /** A cloner that no longer knows the clone restarted: the same clone again resumes from its checkpoints. */
    private static Decision resumeCloner(Step step, ClonePhase phase, CloneProgress progress) {
        return step.go(Action.RESUME_CLONE, phase, REASON_HEALING, "the cloner no longer knows the clone (restarted?):"
                + " resuming it from its checkpoints", progress, POLL);
    }

    private static String clonerFailure(Cloner cloner) {
        return "cloner: " + cloner.state() + (cloner.reason() == null || cloner.reason().isBlank() ? ""
                : " " + cloner.reason());
    }

    private static CloneProgress progress(CloneRequestStatus status, Observation observed) {
        CloneProgress before = status.progress();
        long cloned = observed.cloner() == null ? before.rowsCloned() : observed.cloner().rows();
        long landed = observed.validator() == null ? before.rowsLanded() : observed.validator().rows();
        return new CloneProgress(cloned, landed, before.expectedRows());
    }

    /** The status being decided: conditions set from the phase, transition times kept. */
    private record Step(CloneRequestStatus status, long generation, Instant now) {

        /** The reason of the phase the clone is in, kept while it waits there. */
        String reason() {
            var progressing = Conditions.find(status.conditions(), Conditions.PROGRESSING);
            return progressing == null ? REASON_PENDING : progressing.getReason();
        }

        Decision go(Action action, ClonePhase phase, String reason, String message, CloneProgress progress,
                Duration after) {
            return new Decision(action, status(phase, reason, message, progress, 0), after);
        }

        Decision end(Action action, ClonePhase phase, String reason, String message, CloneProgress progress) {
            return new Decision(action, status(phase, reason, message, progress, 0), Duration.ZERO);
        }

        CloneRequestStatus status(ClonePhase phase, String reason, String message, CloneProgress progress,
                int retries) {
            var conditions = Conditions.set(status.conditions(), Conditions.READY, phase == ClonePhase.READY,
                    reason, message, generation, now);
            conditions = Conditions.set(conditions, Conditions.PROGRESSING, !phase.isFinal(), reason, message,
                    generation, now);
            return new CloneRequestStatus(generation, phase, message, progress, conditions, status.statistics(),
                    status.reportRef(), retries);
        }
    }
}
