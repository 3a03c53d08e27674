package io.envclone.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void aDeclaredTypeWithItsModifierIsTheTypeOfItsValues() {
        assertThat(WireText.supports("character varying(20)")).isTrue();
        assertThat(WireText.supports("numeric(10,2)")).isTrue();
        assertThat(WireText.supports("timestamp(3) without time zone")).isTrue();
        assertThat(WireText.supports("character(2)")).isTrue();
        assertThat(WireText.supports("bytea")).isFalse();
        assertThat(WireText.supports("integer[]")).isFalse();
    }
}
