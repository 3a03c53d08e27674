package io.envclone.api.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.crd.AnonymizationSpec;
import io.envclone.api.crd.CloneRequest;
import io.envclone.api.crd.CloneRequestSpec;
import io.envclone.api.crd.KeyReference;
import io.envclone.api.crd.Manifests;
import io.envclone.api.crd.RefreshSpec;
import io.envclone.api.crd.SourceSpec;
import io.envclone.api.crd.TargetSpec;
import io.envclone.api.crd.TestEnvironment;
import io.envclone.api.crd.TestEnvironmentSpec;
import io.envclone.api.safety.SafetyFacts.RegisteredSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafetyGuardTest {

    static final Path SAMPLES = Path.of("..", "deploy", "samples");
    static final RegisteredSource PRODUCTION = new RegisteredSource("lofts-production", "prod-db.envclone.svc", 5432,
            "lofts", true);
    static final SafetyFacts FACTS = new SafetyFacts(List.of(PRODUCTION), Set.of("billing-db.envclone.svc"), false,
            Set.of("public.users.email", "public.users.phone"), null);

    static final RefreshSpec NO_REFRESH = new RefreshSpec(null, null);

    TestEnvironmentSpec demo;
    CloneRequestSpec request;

    @BeforeEach
    void readTheSamples() throws IOException {
        TestEnvironment environment = Manifests.testEnvironment(SAMPLES.resolve("test-environment.yaml"));
        demo = environment.getSpec();
        CloneRequest clone = Manifests.cloneRequest(SAMPLES.resolve("clone-request.yaml"));
        request = clone.getSpec();
    }

    @Test
    void theDemoPasses() {
        assertThat(SafetyGuard.check(demo, FACTS)).isEmpty();
        assertThat(SafetyGuard.check(request, demo, existing())).isEmpty();
    }

    @Test
    void anUnregisteredSourceIsDeniedNamingTheRegisteredOnes() {
        TestEnvironmentSpec spec = with(demo, new SourceSpec("lofts-prod", "lofts", null, null));

        assertThat(SafetyGuard.check(spec, FACTS)).containsExactly(new Denial("spec.source.name",
                "source lofts-prod is not registered: register it first, or fix the name (registered: lofts-production)"));
    }

    @Test
    void aSourceWithoutANameIsDenied() {
        assertThat(SafetyGuard.check(with(demo, new SourceSpec(null, "lofts", null, null)), FACTS))
                .extracting(Denial::field).containsExactly("spec.source.name");
    }

    @Test
    void aWritableSourceIsDeniedOnTheConnectionSecret() {
        SafetyFacts writable = new SafetyFacts(List.of(new RegisteredSource("lofts-production", "prod-db.envclone.svc",
                5432, "lofts", false)), Set.of(), false, Set.of(), null);

        assertThat(SafetyGuard.check(demo, writable)).singleElement().satisfies(denial -> {
            assertThat(denial.field()).isEqualTo("spec.connectionSecret");
            assertThat(denial.message()).contains("can write").contains("read-only role");
        });
    }

    @Test
    void theSourceItselfAsTargetIsDenied() {
        TestEnvironmentSpec spec = with(with(demo, NO_REFRESH), new TargetSpec("lofts", "PROD-DB.envclone.svc", null));

        assertThat(SafetyGuard.check(spec, FACTS)).containsExactly(new Denial("spec.target.environment",
                "the target is the source itself (lofts on prod-db.envclone.svc): point target at a test server"));
    }

    @Test
    void aProductionServerAsTargetIsDenied() {
        TestEnvironmentSpec onSourceServer = with(demo, new TargetSpec("lofts-test", "prod-db.envclone.svc", 5432));
        TestEnvironmentSpec onKnownProduction = with(demo, new TargetSpec("lofts-test", "billing-db.envclone.svc", 5432));

        assertThat(SafetyGuard.check(onSourceServer, FACTS)).containsExactly(new Denial("spec.target.host",
                "prod-db.envclone.svc:5432 is the server of production source lofts-production: point target.host at a test server"));
        assertThat(SafetyGuard.check(onKnownProduction, FACTS)).containsExactly(new Denial("spec.target.host",
                "billing-db.envclone.svc is a production server: point target.host at a test server"));
    }

    @Test
    void localModeAllowsAnotherDatabaseOnTheSourceServerButNeverTheSourceItself() {
        SafetyFacts local = new SafetyFacts(FACTS.sources(), FACTS.productionHosts(), false, FACTS.sensitiveColumns(),
                null, true);
        TestEnvironmentSpec besideTheSource = with(demo, new TargetSpec("lofts-test", "prod-db.envclone.svc", 5432));
        TestEnvironmentSpec theSource = with(with(demo, NO_REFRESH), new TargetSpec("lofts", "prod-db.envclone.svc", 5432));

        assertThat(SafetyGuard.check(besideTheSource, local)).isEmpty();
        assertThat(SafetyGuard.check(theSource, local)).extracting(Denial::field).containsExactly("spec.target.environment");
    }

    @Test
    void aTargetNeedsAUsableNameAndAHost() {
        assertThat(SafetyGuard.check(with(with(demo, NO_REFRESH), new TargetSpec("Lofts Test", "test-db", null)), FACTS))
                .extracting(Denial::field).containsExactly("spec.target.environment");
        assertThat(SafetyGuard.check(with(demo, new TargetSpec("lofts-test", null, null)), FACTS))
                .extracting(Denial::field).containsExactly("spec.target.host");
        assertThat(SafetyGuard.check(with(demo, (TargetSpec) null), FACTS))
                .extracting(Denial::field).containsExactly("spec.target.environment");
    }

    @Test
    void aScheduledRefreshWithoutConfirmIsDenied() {
        TestEnvironmentSpec spec = with(demo, new RefreshSpec("0 3 * * *", null));

        assertThat(SafetyGuard.check(spec, FACTS)).containsExactly(new Denial("spec.refresh.confirm",
                "a scheduled refresh replaces lofts-test each time: set refresh.confirm: lofts-test to allow it,"
                        + " or remove refresh.schedule"));
        assertThat(SafetyGuard.check(with(demo, new RefreshSpec(null, null)), FACTS)).isEmpty();
    }

    @Test
    void aCloneReplacingAnEnvironmentWithoutConfirmIsDenied() {
        CloneRequestSpec unconfirmed = new CloneRequestSpec("lofts-test", null, null, null, null, null, null, null);

        assertThat(SafetyGuard.check(unconfirmed, demo, existing())).containsExactly(new Denial("spec.confirm",
                "lofts-test exists and this clone replaces it: set confirm: lofts-test in the CloneRequest to allow it (what it"
                        + " holds is kept as its previous copy, which a rollback brings back until the retention ends)"));
        assertThat(SafetyGuard.check(unconfirmed, demo, FACTS)).isEmpty();
    }

    @Test
    void aCloneOutOfBoundsIsDenied() {
        CloneRequestSpec wild = new CloneRequestSpec("lofts-test", null, null, 64, 0, null, "lofts-test", null);

        assertThat(SafetyGuard.check(wild, demo, FACTS)).extracting(Denial::field)
                .containsExactly("spec.parallelism", "spec.batchSize");
    }

    @Test
    void invalidRulesAreDeniedEachAtItsField() {
        List<ColumnRule> rules = new ArrayList<>(demo.anonymization().rules());
        rules.add(ColumnRule.of("users.email", "email"));
        rules.add(ColumnRule.of("public.users.email", "email"));
        rules.add(ColumnRule.of("public.users.bio", "lorem"));
        rules.add(ColumnRule.of("public.users.locale", "keep"));
        int first = demo.anonymization().rules().size();

        List<Denial> denials = SafetyGuard.check(with(demo, anonymization(rules, "strict")), FACTS);

        assertThat(denials).extracting(Denial::field).containsExactly(
                "spec.anonymization.rules[" + first + "].column",
                "spec.anonymization.rules[" + (first + 1) + "].column",
                "spec.anonymization.rules[" + (first + 2) + "].type",
                "spec.anonymization.rules[" + (first + 3) + "].reason");
        assertThat(denials.get(0).message()).isEqualTo("column is schema.table.column, was users.email");
        assertThat(denials.get(1).message()).isEqualTo("public.users.email has a rule already: keep one");
        assertThat(denials.get(2).message()).startsWith("unknown transformer lorem: one of address, amount, card");
        assertThat(denials.get(3).message()).contains("needs a reason");
    }

    @Test
    void anUnknownPolicyAndAMissingKeyAreDenied() {
        AnonymizationSpec spec = new AnonymizationSpec("1", "lenient", demo.anonymization().rules(), null, null);

        assertThat(SafetyGuard.check(with(demo, spec), FACTS)).extracting(Denial::field)
                .containsExactly("spec.anonymization.policy", "spec.anonymization.keyRef");
    }

    @Test
    void rulesInlineAndByReferenceAreDenied() {
        AnonymizationSpec both = new AnonymizationSpec("1", "strict", demo.anonymization().rules(),
                new KeyReference("lofts-rules", "rules.yaml"), demo.anonymization().keyRef());

        assertThat(SafetyGuard.check(with(demo, both), FACTS)).extracting(Denial::field)
                .containsExactly("spec.anonymization.rulesRef");
    }

    @Test
    void underStrictEverySensitiveColumnNeedsARule() {
        SafetyFacts moreSensitive = new SafetyFacts(List.of(PRODUCTION), Set.of(), false,
                Set.of("public.users.email", "public.employees.salary", "public.employees.email"), null);

        assertThat(SafetyGuard.check(demo, moreSensitive)).containsExactly(
                new Denial("spec.anonymization.rules", "public.employees.email looks sensitive and has no rule: add"
                        + " {column: public.employees.email, type: ...}, or type: keep with a reason, or set policy: detect"),
                new Denial("spec.anonymization.rules", "public.employees.salary looks sensitive and has no rule: add"
                        + " {column: public.employees.salary, type: ...}, or type: keep with a reason, or set policy: detect"));
        assertThat(SafetyGuard.check(with(demo, anonymization(demo.anonymization().rules(), "detect")), moreSensitive))
                .isEmpty();
    }

    @Test
    void everyDenialAtOnce() {
        TestEnvironmentSpec bad = new TestEnvironmentSpec(null, new SourceSpec("nowhere", null, null, null),
                new TargetSpec("lofts-test", "prod-db.envclone.svc", null), null, null,
                new RefreshSpec("@daily", "other"), null, null, null, null);

        assertThat(SafetyGuard.check(bad, FACTS)).extracting(Denial::field).containsExactly("spec.source.name",
                "spec.target.host", "spec.refresh.confirm", "spec.anonymization");
    }

    static SafetyFacts existing() {
        return new SafetyFacts(FACTS.sources(), FACTS.productionHosts(), true, FACTS.sensitiveColumns(), null);
    }

    AnonymizationSpec anonymization(List<ColumnRule> rules, String policy) {
        AnonymizationSpec a = demo.anonymization();
        return new AnonymizationSpec(a.version(), policy, rules, null, a.keyRef());
    }

    static TestEnvironmentSpec with(TestEnvironmentSpec s, SourceSpec source) {
        return new TestEnvironmentSpec(s.type(), source, s.target(), s.anonymization(), s.validation(), s.refresh(),
                s.ttl(), s.retention(), s.trainingScenarios(), s.connectionSecret());
    }

    static TestEnvironmentSpec with(TestEnvironmentSpec s, TargetSpec target) {
        return new TestEnvironmentSpec(s.type(), s.source(), target, s.anonymization(), s.validation(), s.refresh(),
                s.ttl(), s.retention(), s.trainingScenarios(), s.connectionSecret());
    }

    static TestEnvironmentSpec with(TestEnvironmentSpec s, RefreshSpec refresh) {
        return new TestEnvironmentSpec(s.type(), s.source(), s.target(), s.anonymization(), s.validation(), refresh,
                s.ttl(), s.retention(), s.trainingScenarios(), s.connectionSecret());
    }

    static TestEnvironmentSpec with(TestEnvironmentSpec s, AnonymizationSpec anonymization) {
        return new TestEnvironmentSpec(s.type(), s.source(), s.target(), anonymization, s.validation(), s.refresh(),
                s.ttl(), s.retention(), s.trainingScenarios(), s.connectionSecret());
    }
}
