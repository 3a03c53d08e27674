package io.envclone.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.secret.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerFingerprintTest {

    private static ServerFingerprint print(String id, String host, int port, String address, String database) {
        return new ServerFingerprint(Optional.ofNullable(id), host, port, Optional.ofNullable(address), database, "17.6");
    }

    @Test
    void theSystemIdentifierDecidesWhenBothHaveIt() {
        var production = print("7301", "db.prod.internal", 5432, "10.0.0.5", "lofts");
        assertThat(production.sameServerAs(print("7301", "replica-alias", 6543, "10.9.9.9", "other"))).isTrue();
        assertThat(production.sameServerAs(print("9999", "db.prod.internal", 5432, "10.0.0.5", "lofts"))).isFalse();
    }

    @Test
    void withoutIdentifiersTheReportedAddressOrTheHostNameAndPortDecide() {
        var production = print(null, "db.prod.internal", 5432, "10.0.0.5", "lofts");
        assertThat(production.sameServerAs(print(null, "another-name", 5432, "10.0.0.5", "x"))).isTrue();
        assertThat(production.sameServerAs(print(null, "DB.PROD.INTERNAL", 5432, null, "x"))).isTrue();
        assertThat(print(null, "localhost", 5432, null, "a").sameServerAs(print(null, "127.0.0.1", 5432, null, "b"))).isTrue();
        assertThat(production.sameServerAs(print(null, "db.test.internal", 5432, "10.0.0.6", "lofts"))).isFalse();
        assertThat(production.sameServerAs(print(null, "db.prod.internal", 5433, null, "lofts"))).isFalse();
    }

    @Test
    void sameDatabaseNeedsTheSameServerAndName() {
        var production = print("7301", "db", 5432, null, "lofts");
        assertThat(production.sameDatabaseAs(print("7301", "db", 5432, null, "lofts"))).isTrue();
        assertThat(production.sameDatabaseAs(print("7301", "db", 5432, null, "lofts_copy"))).isFalse();
    }

    @Test
    void aSourceReferenceNamesTheBadFieldAndNeverPrintsThePassword() {
        assertThatThrownBy(() -> new SourceReference("postgresql://u:hunter2@db/x", "u", Secret.of("hunter2")))
                .hasMessageContaining("source.url").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new SourceReference("jdbc:postgresql://db/x", " ", Secret.of("p")))
                .hasMessageContaining("source.user");
        var reference = new SourceReference("jdbc:postgresql://db/x?password=hunter2", "u", Secret.of("hunter2"));
        assertThat(reference.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://db/x");
    }
}
