package io.envclone.validator.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.source.ServerFingerprint;
import io.envclone.testing.RealInfrastructure;
import io.envclone.testing.junit.RealInfrastructureExtension;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where the validator may write, judged on fingerprints read from a real server, each refusal saying what to change. */
@ExtendWith(RealInfrastructureExtension.class)
class TargetSafetyTest {

    @Test
    void theSourceAndItsClusterAreRefusedAndAnotherDatabaseOnlyWhereAllowed(RealInfrastructure infra) throws Exception {
        var server = infra.postgres();
        for (String database : List.of("safety_production", "safety_copy")) {
            server.dropDatabase(database);
            server.createDatabase(database);
        }
        ServerFingerprint production;
        ServerFingerprint copy;
        try (Connection source = server.connect("safety_production"); Connection target = server.connect("safety_copy")) {
            production = TargetIdentity.read(source, server.host(), server.port());
            copy = TargetIdentity.read(target, server.host(), server.port());
        }
        assertThat(production.systemIdentifier()).as("read as the superuser").isPresent();

        TargetSafety.Decision intoProduction = TargetSafety.judge(new TargetRequest(production, "safety_production",
                List.of(production), Set.of(), true, false, null));
        assertThat(intoProduction.allowed()).isFalse();
        assertThat(intoProduction.reason()).startsWith("the target safety_production on ")
                .contains("is the production source").endsWith("name another database");

        assertThat(TargetSafety.judge(new TargetRequest(copy, "safety_copy", List.of(production), Set.of(), false, false,
                null)).reason()).contains("is on the cluster of the production source");
        assertThat(TargetSafety.judge(new TargetRequest(copy, "safety_copy", List.of(production), Set.of(), true, false,
                null)).allowed()).isTrue();

        TargetSafety.Decision unconfirmed = TargetSafety.judge(new TargetRequest(copy, "safety_copy", List.of(production),
                Set.of(), true, true, "yes"));
        assertThat(unconfirmed.allowed()).isFalse();
        assertThat(unconfirmed.reason()).isEqualTo("replacing what safety_copy holds needs its confirmation: give confirm:"
                + " safety_copy");
        assertThat(TargetSafety.judge(new TargetRequest(copy, "safety_copy", List.of(production), Set.of(), true, true,
                "safety_copy")).allowed()).isTrue();
        assertThat(TargetSafety.judge(new TargetRequest(copy, "safety_other", List.of(), Set.of(), false, false, null))
                .reason()).isEqualTo("connected to database safety_copy, but the request names safety_other: connect to"
                        + " the database the request names");
    }

    @Test
    void withoutSystemIdentifiersTheAddressDecidesAndAnAllowListIsHeld() {
        ServerFingerprint production = new ServerFingerprint(Optional.empty(), "db.prod.internal", 5432,
                Optional.of("10.0.0.5"), "lofts", "16.4");
        ServerFingerprint sameByAddress = new ServerFingerprint(Optional.empty(), "10.0.0.5", 5432, Optional.of("10.0.0.5"),
                "lofts", "16.4");
        assertThat(TargetSafety.judge(new TargetRequest(sameByAddress, "lofts", List.of(production), Set.of(), false,
                false, null)).reason()).contains("is the production source");

        ServerFingerprint staging = new ServerFingerprint(Optional.of("7301"), "staging.internal", 5432,
                Optional.of("10.0.1.9"), "lofts_training", "16.4");
        assertThat(TargetSafety.judge(new TargetRequest(staging, "lofts_training", List.of(production),
                Set.of("ci.internal"), false, false, null)).reason()).isEqualTo("the target host staging.internal is not"
                        + " among the allowed target hosts [ci.internal]: add it, or choose one of them");
        assertThat(TargetSafety.judge(new TargetRequest(staging, "lofts_training", List.of(production),
                Set.of("Staging.Internal"), false, false, null)).allowed()).isTrue();
    }
}
