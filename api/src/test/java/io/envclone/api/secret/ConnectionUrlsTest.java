package io.envclone.api.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConnectionUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://app:hunter2@db.example.dz:5432/lofts | postgresql://app:****@db.example.dz:5432/lofts",
        "jdbc:postgresql://db:5432/lofts?user=app&password=hunter2&ssl=true | jdbc:postgresql://db:5432/lofts?user=app&password=****&ssl=true",
        "jdbc:postgresql://db/lofts?sslpassword=hunter2 | jdbc:postgresql://db/lofts?sslpassword=****",
        "postgres://postgres.abcd:hunter2@aws-0-eu-central-1.pooler.supabase.com:6543/postgres | postgres://postgres.abcd:****@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
        "jdbc:postgresql://db:5432/lofts?user=app | jdbc:postgresql://db:5432/lofts?user=app",
        "SASL_SSL://kafka:9093?token=abc | SASL_SSL://kafka:9093?token=****",
    })
    void masksThePasswordAndKeepsTheRest(String url, String expected) {
        assertThat(ConnectionUrls.redact(url)).isEqualTo(expected).doesNotContain("hunter2");
    }

    @Test
    void aPasswordContainingSeparatorsIsStillMasked() {
        String redacted = ConnectionUrls.redact("postgresql://app:p%40ss:w0rd@db:5432/lofts");
        assertThat(redacted).isEqualTo("postgresql://app:****@db:5432/lofts");
    }

    @Test
    void secretsNeverPrintThemselves() {
        Secret secret = Secret.of("hunter2");
        assertThat(secret.toString()).isEqualTo("****");
        assertThat(String.valueOf(java.util.List.of(secret))).doesNotContain("hunter2");
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }
}
