package io.envclone.api.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.crd.ClonePhase;
import io.envclone.api.crd.CloneProgress;
import io.envclone.api.crd.CloneRequestSpec;
import io.envclone.api.crd.CloneRequestStatus;
import io.envclone.api.crd.CloneStatistics;
import io.envclone.api.orchestration.Observation.Cloner;
import io.envclone.api.orchestration.Observation.ClonerState;
import io.envclone.api.orchestration.Observation.LandingPhase;
import io.envclone.api.orchestration.Observation.ServiceError;
import io.envclone.api.orchestration.Observation.Validator;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloneOrchestrationTest {

    static final Instant T0 = Instant.parse("2026-12-02T06:00:00Z");
    static final CloneRequestSpec SPEC = new CloneRequestSpec("lofts-test", null, null, 4, null, null, "lofts-test", null);
    static final Observation NOTHING = Observation.nothing();
    static final Observation REGISTERED = NOTHING.withSchemaRead().withAnonymizerRegistered();

    static Decision next(CloneRequestStatus status, Observation observed) {
        return CloneOrchestration.next(SPEC, 3, status, observed, T0);
    }

    /** The status a clone has after walking the path to {@code phase}. */
    static CloneRequestStatus at(ClonePhase phase) {
        CloneRequestStatus status = next(null, NOTHING).status();
        if (phase == ClonePhase.SCHEMA) {
            return status;
        }
        status = next(status, NOTHING.withSchemaRead()).status();
        if (phase == ClonePhase.FINGERPRINTING) {
            return status;
        }
        status = next(status, NOTHING.with(Cloner.running(0, true))).status();
        if (phase == ClonePhase.CLONING) {
            return status;
        }
        return next(status, REGISTERED.with(Cloner.done(1_000, 12)).with(Validator.landing(900))).status();
    }

    static Condition condition(Decision decision, String type) {
        return Conditions.find(decision.status().conditions(), type);
    }

    @Nested
    class ThePath {

        @Test
        void aNewCloneStartsByReadingTheSchema() {
            Decision decision = next(null, NOTHING);

            assertThat(decision.action()).isEqualTo(Action.READ_SCHEMA);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.SCHEMA);
            assertThat(decision.status().observedGeneration()).isEqualTo(3L);
            assertThat(condition(decision, Conditions.READY).getStatus()).isEqualTo("False");
            assertThat(condition(decision, Conditions.PROGRESSING).getStatus()).isEqualTo("True");
            assertThat(condition(decision, Conditions.PROGRESSING).getReason()).isEqualTo("ReadingSchema");
        }

        @Test
        void theSchemaIsReadAgainUntilTheMigrationIsMade() {
            assertThat(next(at(ClonePhase.SCHEMA), NOTHING).action()).isEqualTo(Action.READ_SCHEMA);
        }

        @Test
        void withTheMigrationTheCloneStarts() {
            Decision decision = next(at(ClonePhase.SCHEMA), NOTHING.withSchemaRead());

            assertThat(decision.action()).isEqualTo(Action.START_CLONE);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FINGERPRINTING);
            assertThat(decision.after()).isEqualTo(CloneOrchestration.POLL);
        }

        @Test
        void whileTheFingerprintsAreBuiltItWaits() {
            Decision decision = next(at(ClonePhase.FINGERPRINTING), NOTHING.with(Cloner.running(0, false)));

            assertThat(decision.action()).isEqualTo(Action.WAIT);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FINGERPRINTING);
        }

        @Test
        void withTheFingerprintsTheAnonymizerIsRegisteredAndTheLandingStarts() {
            Decision decision = next(at(ClonePhase.FINGERPRINTING), NOTHING.with(Cloner.running(10, true)));

            assertThat(decision.action()).isEqualTo(Action.REGISTER_ANONYMIZER_AND_START_LANDING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.CLONING);
        }

        @Test
        void aSmallCloneDoneBeforeItWasSeenFingerprintingStillLands() {
            Decision decision = next(at(ClonePhase.FINGERPRINTING), NOTHING.with(Cloner.done(5, 1)));

            assertThat(decision.action()).isEqualTo(Action.REGISTER_ANONYMIZER_AND_START_LANDING);
        }

        @Test
        void whileRowsMoveItWaitsAndCountsThem() {
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(Cloner.running(500, true))
                    .with(Validator.landing(300)));

            assertThat(decision.action()).isEqualTo(Action.WAIT);
            assertThat(decision.status().progress()).isEqualTo(new CloneProgress(500, 300, 0));
        }

        @Test
        void whenTheClonerIsDoneTheLandingIsFinishedWithItsCounts() {
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(Cloner.done(1_000, 12))
                    .with(Validator.landing(900)));

            assertThat(decision.action()).isEqualTo(Action.FINISH_LANDING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FINISHING);
            assertThat(decision.status().progress()).isEqualTo(new CloneProgress(1_000, 900, 1_000));
        }

        @ParameterizedTest
        @CsvSource({"LANDING", "FINISHING", "VALIDATING"})
        void whileTheValidatorWorksItWaits(LandingPhase phase) {
            Decision decision = next(at(ClonePhase.FINISHING), REGISTERED.with(Validator.at(phase)));

            assertThat(decision.action()).isEqualTo(Action.WAIT);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FINISHING);
            assertThat(decision.status().progress().expectedRows()).isEqualTo(1_000);
        }

        @Test
        void aValidatedCopyCompletesWithItsReport() {
            Validator ready = new Validator(LandingPhase.READY, "", "report-7", 1_000, 40, 2);
            Decision decision = next(at(ClonePhase.FINISHING), REGISTERED.with(Cloner.done(1_000, 12)).with(ready));

            assertThat(decision.action()).isEqualTo(Action.COMPLETE);
            assertThat(decision.after()).isZero();
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.READY);
            assertThat(decision.status().reportRef()).isEqualTo("report-7");
            assertThat(decision.status().statistics()).isEqualTo(new CloneStatistics(1_000, 12, 40, 2));
            assertThat(condition(decision, Conditions.READY).getStatus()).isEqualTo("True");
            assertThat(condition(decision, Conditions.READY).getReason()).isEqualTo("Validated");
            assertThat(condition(decision, Conditions.PROGRESSING).getStatus()).isEqualTo("False");
        }

        @ParameterizedTest
        @CsvSource({"READY", "FAILED", "CANCELLED"})
        void aFinishedCloneIsLeftAlone(ClonePhase phase) {
            CloneRequestStatus over = new CloneRequestStatus(3L, phase, "over", null, List.of(), null, null, 0);

            Decision decision = next(over, REGISTERED.with(Cloner.failed("late news")));

            assertThat(decision.action()).isEqualTo(Action.NOTHING);
            assertThat(decision.status()).isSameAs(over);
        }
    }

    @Nested
    class Failures {

        @Test
        void aClonerFailingBeforeItsFingerprintsFailsTheCloneWithNothingToAbandon() {
            Decision decision = next(at(ClonePhase.FINGERPRINTING), NOTHING.with(Cloner.failed("source refused read-only")));

            assertThat(decision.action()).isEqualTo(Action.FAIL);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FAILED);
            assertThat(decision.status().phaseReason()).isEqualTo("cloner: FAILED source refused read-only");
            assertThat(condition(decision, Conditions.READY).getReason()).isEqualTo("CloneFailed");
        }

        @Test
        void aClonerFailingWhileRowsMoveHasTheLandingAbandoned() {
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(Cloner.failed("connection reset"))
                    .with(Validator.landing(10)));

            assertThat(decision.action()).isEqualTo(Action.ABANDON_LANDING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FAILED);
            assertThat(decision.status().phaseReason()).contains("connection reset");
        }

        @Test
        void aClonerCancelledBehindOurBackAlsoAbandons() {
            Cloner cancelled = new Cloner(ClonerState.CANCELLED, 10, 0, true, "");
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(cancelled).with(Validator.landing(10)));

            assertThat(decision.action()).isEqualTo(Action.ABANDON_LANDING);
            assertThat(decision.status().phaseReason()).isEqualTo("cloner: CANCELLED");
        }

        @Test
        void aLandingRefusedByTheGateCancelsTheClone() {
            Validator failed = new Validator(LandingPhase.FAILED, "leak: public.users.email, the whole value", null, 5, 1, 0);
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(Cloner.running(50, true)).with(failed));

            assertThat(decision.action()).isEqualTo(Action.CANCEL_CLONE);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FAILED);
            assertThat(decision.status().phaseReason()).isEqualTo("validator: leak: public.users.email, the whole value");
            assertThat(condition(decision, Conditions.READY).getReason()).isEqualTo("LandingFailed");
        }

        @Test
        void aValidationFailingFailsTheCloneAndTheEnvironmentStays() {
            Validator failed = new Validator(LandingPhase.FAILED, "row counts differ", "report-8", 0, 0, 0);
            Decision decision = next(at(ClonePhase.FINISHING), REGISTERED.with(failed));

            assertThat(decision.action()).isEqualTo(Action.FAIL);
            assertThat(decision.status().phaseReason()).isEqualTo("validator: row counts differ");
        }

        @Test
        void aClonerThatRestartedAndForgotTheCloneResumesItFromItsCheckpoints() {
            Decision fingerprinting = next(at(ClonePhase.FINGERPRINTING), NOTHING);
            Decision cloning = next(at(ClonePhase.CLONING), REGISTERED.with(Validator.landing(1)));

            assertThat(fingerprinting.action()).isEqualTo(Action.RESUME_CLONE);
            assertThat(fingerprinting.status().phase()).isEqualTo(ClonePhase.FINGERPRINTING);
            assertThat(cloning.action()).as("the landing goes on meanwhile").isEqualTo(Action.RESUME_CLONE);
            assertThat(cloning.status().phase()).isEqualTo(ClonePhase.CLONING);
            assertThat(cloning.status().phaseReason()).contains("cloner no longer knows").contains("checkpoints");
            assertThat(condition(cloning, Conditions.PROGRESSING).getReason()).isEqualTo("Healing");
        }

        @Test
        void aDriverThatResumedFindsTheLandingFinishedAlreadyAndDoesNotFinishItTwice() {
            Observation finishing = REGISTERED.with(Cloner.done(1_000, 12)).with(Validator.at(LandingPhase.FINISHING));
            Observation ready = REGISTERED.with(Cloner.done(1_000, 12)).with(Validator.at(LandingPhase.READY));

            assertThat(next(at(ClonePhase.CLONING), finishing).action()).isEqualTo(Action.WAIT);
            assertThat(next(at(ClonePhase.CLONING), finishing).status().phase()).isEqualTo(ClonePhase.FINISHING);
            assertThat(next(at(ClonePhase.CLONING), ready).action()).isEqualTo(Action.COMPLETE);
        }

        @Test
        void aValidatorThatForgotAFinishingLandingLandsItAgainThenFinishesAgain() {
            Decision decision = next(at(ClonePhase.FINISHING), REGISTERED.with(Cloner.done(1_000, 12)));

            assertThat(decision.action()).isEqualTo(Action.REGISTER_ANONYMIZER_AND_START_LANDING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.CLONING);
            Decision again = next(decision.status(), REGISTERED.with(Cloner.done(1_000, 12)).with(Validator.landing(900)));
            assertThat(again.action()).isEqualTo(Action.FINISH_LANDING);
        }

        @Test
        void anAnonymizerThatForgotTheCloneWhileTheLastRowsLandIsRegisteredAgain() {
            Observation forgot = NOTHING.withSchemaRead().with(Cloner.done(1_000, 12))
                    .with(Validator.at(LandingPhase.FINISHING));

            Decision decision = next(at(ClonePhase.FINISHING), forgot);

            assertThat(decision.action()).isEqualTo(Action.REGISTER_ANONYMIZER_AND_START_LANDING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FINISHING);
            assertThat(next(at(ClonePhase.FINISHING), NOTHING.withSchemaRead().with(Validator.at(LandingPhase.VALIDATING)))
                    .action()).as("once every row landed the anonymizer is not needed").isEqualTo(Action.WAIT);
        }

        @Test
        void anAnonymizerThatForgotTheCloneIsRegisteredAgain() {
            Observation forgot = NOTHING.withSchemaRead().with(Cloner.running(100, true)).with(Validator.landing(50));

            Decision decision = next(at(ClonePhase.CLONING), forgot);

            assertThat(decision.action()).isEqualTo(Action.REGISTER_ANONYMIZER_AND_START_LANDING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.CLONING);
        }

        @Test
        void aLandingNotSeenYetIsStartedAgain() {
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(Cloner.running(100, true)));

            assertThat(decision.action()).isEqualTo(Action.REGISTER_ANONYMIZER_AND_START_LANDING);
        }

        @Test
        void aRefusalIsNotRetriedAndStopsWhatStarted() {
            ServiceError refused = ServiceError.refused("validator", "refused-by-safety-check: lofts-test exists, confirm it");

            Decision decision = next(at(ClonePhase.FINGERPRINTING), NOTHING.with(Cloner.running(0, true)).with(refused));

            assertThat(decision.action()).isEqualTo(Action.CANCEL_CLONE);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FAILED);
            assertThat(decision.status().phaseReason())
                    .isEqualTo("validator refused: refused-by-safety-check: lofts-test exists, confirm it");
            assertThat(condition(decision, Conditions.READY).getReason()).isEqualTo("Refused");
        }

        @Test
        void aRefusalBeforeAnythingStartedHasNothingToStop() {
            Decision decision = next(at(ClonePhase.SCHEMA), NOTHING.with(ServiceError.refused("cloner", "source is not read-only")));

            assertThat(decision.action()).isEqualTo(Action.NOTHING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FAILED);
        }
    }

    @Nested
    class Retries {

        static final ServiceError DOWN = ServiceError.unreachable("cloner", "connection refused");

        @Test
        void aServiceOutOfReachIsTriedAgainLaterInTheSamePhase() {
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(DOWN));

            assertThat(decision.action()).isEqualTo(Action.RETRY);
            assertThat(decision.after()).isEqualTo(Duration.ofSeconds(2));
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.CLONING);
            assertThat(decision.status().retries()).isEqualTo(1);
            assertThat(decision.status().phaseReason())
                    .isEqualTo("cloner out of reach (attempt 1 of 5, again in 2 s): connection refused");
            assertThat(condition(decision, Conditions.PROGRESSING).getStatus()).isEqualTo("True");
            assertThat(condition(decision, Conditions.PROGRESSING).getReason()).isEqualTo("ServiceUnreachable");
        }

        @Test
        void theDelayDoublesAndAfterTheLastAttemptTheCloneFailsStoppingWhatStarted() {
            CloneRequestStatus status = at(ClonePhase.CLONING);
            for (long seconds : new long[] {2, 4, 8, 16, 32}) {
                Decision decision = next(status, REGISTERED.with(DOWN));
                assertThat(decision.action()).isEqualTo(Action.RETRY);
                assertThat(decision.after()).isEqualTo(Duration.ofSeconds(seconds));
                status = decision.status();
            }

            Decision last = next(status, REGISTERED.with(DOWN));

            assertThat(last.action()).isEqualTo(Action.CANCEL_CLONE_AND_ABANDON_LANDING);
            assertThat(last.status().phase()).isEqualTo(ClonePhase.FAILED);
            assertThat(last.status().phaseReason()).isEqualTo("cloner out of reach 5 times in a row: connection refused");
            assertThat(condition(last, Conditions.READY).getReason()).isEqualTo("RetriesExhausted");
        }

        @Test
        void aServiceBackInReachResetsTheCount() {
            CloneRequestStatus retried = next(next(at(ClonePhase.CLONING), REGISTERED.with(DOWN)).status(),
                    REGISTERED.with(DOWN)).status();
            assertThat(retried.retries()).isEqualTo(2);

            Decision decision = next(retried, REGISTERED.with(Cloner.running(10, true)).with(Validator.landing(5)));

            assertThat(decision.action()).isEqualTo(Action.WAIT);
            assertThat(decision.status().retries()).isZero();
            assertThat(condition(decision, Conditions.PROGRESSING).getReason()).isEqualTo("Cloning");
        }

        @Test
        void aStepThatCouldNotBeTakenIsTakenAgainAfterTheDelay() {
            // START_CLONE did not reach the cloner: the status stayed SCHEMA, so the retry starts it again
            CloneRequestStatus schema = at(ClonePhase.SCHEMA);
            CloneRequestStatus retrying = next(schema, NOTHING.withSchemaRead().with(DOWN)).status();
            assertThat(retrying.phase()).isEqualTo(ClonePhase.SCHEMA);

            assertThat(next(retrying, NOTHING.withSchemaRead()).action()).isEqualTo(Action.START_CLONE);
        }

        @Test
        void theDelayHasACeiling() {
            assertThat(CloneOrchestration.backoff(1)).isEqualTo(Duration.ofSeconds(2));
            assertThat(CloneOrchestration.backoff(6)).isEqualTo(Duration.ofMinutes(1));
            assertThat(CloneOrchestration.backoff(40)).isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Nested
    class Cancel {

        static final CloneRequestSpec CANCELLED = new CloneRequestSpec("lofts-test", null, null, 4, null, null, null, true);

        static Decision cancel(CloneRequestStatus status, Observation observed) {
            return CloneOrchestration.next(CANCELLED, 4, status, observed, T0);
        }

        @Test
        void beforeAnythingStartedThereIsNothingToStop() {
            Decision decision = cancel(null, NOTHING);

            assertThat(decision.action()).isEqualTo(Action.NOTHING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.CANCELLED);
            assertThat(decision.status().observedGeneration()).isEqualTo(4L);
            assertThat(condition(decision, Conditions.READY).getReason()).isEqualTo("Cancelled");
            assertThat(condition(decision, Conditions.PROGRESSING).getStatus()).isEqualTo("False");
        }

        @Test
        void whileFingerprintingTheCloneIsCancelled() {
            assertThat(cancel(at(ClonePhase.FINGERPRINTING), NOTHING.with(Cloner.running(0, false))).action())
                    .isEqualTo(Action.CANCEL_CLONE);
        }

        @Test
        void whileRowsMoveTheCloneIsCancelledAndItsLandingAbandoned() {
            Decision decision = cancel(at(ClonePhase.CLONING), REGISTERED.with(Cloner.running(10, true))
                    .with(Validator.landing(5)));

            assertThat(decision.action()).isEqualTo(Action.CANCEL_CLONE_AND_ABANDON_LANDING);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.CANCELLED);
            assertThat(decision.status().phaseReason()).isEqualTo("cancelled by spec.cancel");
        }

        @Test
        void whileFinishingTheLandingIsAbandoned() {
            assertThat(cancel(at(ClonePhase.FINISHING), REGISTERED.with(Validator.at(LandingPhase.VALIDATING))).action())
                    .isEqualTo(Action.ABANDON_LANDING);
        }

        @Test
        void aCopyAlreadySwitchedInCompletesInstead() {
            Validator ready = new Validator(LandingPhase.READY, "", "report-9", 1_000, 40, 0);

            Decision decision = cancel(at(ClonePhase.FINISHING), REGISTERED.with(ready));

            assertThat(decision.action()).isEqualTo(Action.COMPLETE);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.READY);
        }

        @Test
        void deletingTheRequestCancelsLikeSpecCancel() {
            Decision decision = next(at(ClonePhase.CLONING), REGISTERED.with(Cloner.running(10, true))
                    .with(Validator.landing(5)).beingDeleted());

            assertThat(decision.action()).isEqualTo(Action.CANCEL_CLONE_AND_ABANDON_LANDING);
            assertThat(decision.status().phaseReason()).isEqualTo("the CloneRequest is being deleted");
        }
    }

    @Nested
    class Resume {

        static final CloneRequestSpec RESUMING = new CloneRequestSpec("lofts-test", null, null, 4, null, "clone-41", null, null);

        static Decision resume(CloneRequestStatus status, Observation observed) {
            return CloneOrchestration.next(RESUMING, 1, status, observed, T0);
        }

        @Test
        void aResumeReadsTheSchemaFirst() {
            assertThat(resume(null, NOTHING).action()).isEqualTo(Action.READ_SCHEMA);
        }

        @Test
        void thenResumesTheCloneFromItsCheckpoints() {
            Decision decision = resume(resume(null, NOTHING).status(), NOTHING.withSchemaRead());

            assertThat(decision.action()).isEqualTo(Action.RESUME_CLONE);
            assertThat(decision.status().phase()).isEqualTo(ClonePhase.FINGERPRINTING);
            assertThat(decision.status().phaseReason()).isEqualTo("resuming clone clone-41 from its checkpoints");
            assertThat(condition(decision, Conditions.PROGRESSING).getReason()).isEqualTo("Resuming");
        }

        @Test
        void andGoesOnAsAnyClone() {
            CloneRequestStatus resumed = resume(resume(null, NOTHING).status(), NOTHING.withSchemaRead()).status();

            Decision waiting = resume(resumed, NOTHING.with(Cloner.running(0, false)));
            Decision landing = resume(resumed, NOTHING.with(Cloner.running(300, true)));

            assertThat(waiting.action()).isEqualTo(Action.WAIT);
            assertThat(condition(waiting, Conditions.PROGRESSING).getReason()).isEqualTo("Resuming");
            assertThat(landing.action()).isEqualTo(Action.REGISTER_ANONYMIZER_AND_START_LANDING);
        }
    }
}
