package io.envclone.testing.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoOptionsTest {

    @Test
    void defaultsAreTheTestSize() {
        assertThat(DemoOptions.defaults()).isEqualTo(new DemoOptions(0.01, 42));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 100.5, Double.NaN, Double.POSITIVE_INFINITY})
    void aScaleOutOfRangeIsRefusedNamingTheField(double scale) {
        assertThatThrownBy(() -> new DemoOptions(scale, 42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scale must be > 0 and <= 100");
    }

    @Test
    void theLimitsAreAccepted() {
        assertThat(new DemoOptions(100, 1).scale()).isEqualTo(100);
        assertThat(new DemoOptions(0.0001, 1).scale()).isEqualTo(0.0001);
    }

    @Test
    void tinyScalesStillFillEveryTable() {
        DemoPlan plan = DemoPlan.of(0.0001);
        assertThat(plan.users()).isGreaterThanOrEqualTo(40);
        assertThat(plan.staff()).isGreaterThanOrEqualTo(3);
        assertThat(plan.lofts()).isPositive();
        assertThat(plan.reservations()).isPositive();
        assertThat(plan.conversations()).isPositive();
        assertThat(plan.messages()).isPositive();
        assertThat(plan.notifications()).isPositive();
        assertThat(plan.auditEntries()).isPositive();
        DemoPlan one = DemoPlan.of(1);
        assertThat(one.users() + one.lofts() + one.reservations() + one.conversations() + one.messages()
                + one.notifications() + one.auditEntries()).isBetween(600_000, 700_000); // + payments, participants ≈ 1M
    }
}
