package io.envclone.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.service.config.ControlDatabaseConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlDatabaseSettingsTest {

    @Test
    void readsCredentialsFromAPostgresUrlAndNeverDescribesThePassword() {
        var settings = ControlDatabaseSettings.from(config("postgresql://cloner:hunter2@db.internal:6543/control", null, null));

        assertThat(settings.host()).isEqualTo("db.internal");
        assertThat(settings.port()).isEqualTo(6543);
        assertThat(settings.database()).isEqualTo("control");
        assertThat(settings.user()).isEqualTo("cloner");
        assertThat(settings.password().reveal()).isEqualTo("hunter2");
        assertThat(settings.describe()).isEqualTo("postgresql://db.internal:6543/control as cloner");
        assertThat(settings.toString()).doesNotContain("hunter2");
    }

    @Test
    void explicitUserAndPasswordWinOverTheJdbcUrl() {
        var settings = ControlDatabaseSettings.from(
                config("jdbc:postgresql://db:5432/control?user=old&password=old", "cloner", "from-secret"));

        assertThat(settings.user()).isEqualTo("cloner");
        assertThat(settings.password().reveal()).isEqualTo("from-secret");
    }

    @Test
    void aMissingUrlNamesThePropertyAndTheFix() {
        assertThatThrownBy(() -> ControlDatabaseSettings.from(config(null, null, null)))
                .hasMessageContaining("envclone.control-database.url")
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    @Test
    void aMalformedUrlIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> ControlDatabaseSettings.from(config("mysql://app:hunter2@db/x", null, null)))
                .hasMessageContaining("envclone.control-database.url")
                .hasMessageNotContaining("hunter2");
    }

    private static ControlDatabaseConfig config(String url, String username, String password) {
        return new ControlDatabaseConfig() {
            public boolean enabled() { return true; }
            public Optional<String> url() { return Optional.ofNullable(url); }
            public Optional<String> username() { return Optional.ofNullable(username); }
            public Optional<String> password() { return Optional.ofNullable(password); }
            public int poolSize() { return 2; }
        };
    }
}
