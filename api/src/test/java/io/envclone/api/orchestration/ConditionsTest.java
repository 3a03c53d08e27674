package io.envclone.api.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    static final Instant T0 = Instant.parse("2026-12-02T06:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    @Test
    void theTransitionTimeMovesOnlyWhenTheStatusDoes() {
        List<Condition> first = Conditions.set(List.of(), Conditions.READY, false, "Cloning", "rows moving", 1L, T0);
        List<Condition> same = Conditions.set(first, Conditions.READY, false, "Finishing", "validating", 2L, T1);
        List<Condition> flipped = Conditions.set(same, Conditions.READY, true, "Validated", "switched in", 2L, T1);

        assertThat(Conditions.find(same, Conditions.READY)).satisfies(c -> {
            assertThat(c.getLastTransitionTime()).isEqualTo(T0.toString());
            assertThat(c.getReason()).isEqualTo("Finishing");
            assertThat(c.getMessage()).isEqualTo("validating");
            assertThat(c.getObservedGeneration()).isEqualTo(2L);
        });
        assertThat(Conditions.find(flipped, Conditions.READY)).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getLastTransitionTime()).isEqualTo(T1.toString());
        });
    }

    @Test
    void oneConditionPerTypeTheOthersKept() {
        List<Condition> conditions = Conditions.set(List.of(), Conditions.READY, false, "Pending", "", 1L, T0);
        conditions = Conditions.set(conditions, Conditions.PROGRESSING, true, "Pending", "", 1L, T0);
        conditions = Conditions.set(conditions, Conditions.READY, false, "Cloning", "", 1L, T1);

        assertThat(conditions).extracting(Condition::getType).containsExactly("Ready", "Progressing");
        assertThat(Conditions.find(conditions, "Missing")).isNull();
    }
}
