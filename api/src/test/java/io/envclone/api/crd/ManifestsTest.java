package io.envclone.api.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envclone.api.anonymize.ColumnRule;
import io.envclone.api.anonymize.RuleSet;
import io.envclone.api.anonymize.RuleSetFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestsTest {

    static final Path SAMPLES = Path.of("..", "deploy", "samples");

    @Test
    void theDemoTestEnvironmentReadsWithEveryField() throws IOException {
        TestEnvironment environment = Manifests.testEnvironment(SAMPLES.resolve("test-environment.yaml"));

        assertThat(environment.getApiVersion()).isEqualTo("envclone.io/v1alpha1");
        assertThat(environment.getKind()).isEqualTo("TestEnvironment");
        assertThat(environment.getMetadata().getName()).isEqualTo("lofts-test");
        TestEnvironmentSpec spec = environment.getSpec();
        assertThat(spec.type()).isEqualTo(EnvironmentType.TEST);
        assertThat(spec.source().name()).isEqualTo("lofts-production");
        assertThat(spec.source().schemas().include()).containsExactly("public", "audit");
        assertThat(spec.target().environment()).isEqualTo("lofts-test");
        assertThat(spec.target().portOrDefault()).isEqualTo(5432);
        assertThat(spec.connectionSecret()).isEqualTo("lofts-connections");
        assertThat(spec.anonymization().keyRef()).isEqualTo(new KeyReference("lofts-anonymization", "key"));
        assertThat(spec.validation().appRole()).isEqualTo("loft_app");
        assertThat(spec.validation().checks()).hasSize(2).first().extracting(CheckSpec::expect).isEqualTo("0");
        assertThat(spec.refresh()).isEqualTo(new RefreshSpec("0 3 * * *", "lofts-test"));
        assertThat(spec.ttl()).isEqualTo("P30D");
        assertThat(spec.retention()).isEqualTo("P7D");
        assertThat(spec.trainingScenarios()).isEmpty();
        assertThat(environment.getStatus()).isNull();
    }

    @Test
    void theDemoRulesFitUnderAnonymizationAsTheyAre() throws IOException {
        RuleSet file = RuleSetFiles.read(SAMPLES.resolve("demo-rules.yaml"));
        RuleSet inSpec = Manifests.testEnvironment(SAMPLES.resolve("test-environment.yaml")).getSpec()
                .anonymization().ruleSet();

        assertThat(inSpec).isEqualTo(file);
        assertThat(inSpec.rules()).contains(ColumnRule.of("public.users.postal_code", "postal_code").withOption("keep", "2"));
    }

    @Test
    void theCloneRequestReadsWithItsOverrides() throws IOException {
        CloneRequest request = Manifests.cloneRequest(SAMPLES.resolve("clone-request.yaml"));

        CloneRequestSpec spec = request.getSpec();
        assertThat(spec.environmentRef()).isEqualTo("lofts-test");
        assertThat(spec.tables().exclude()).containsExactly("audit.*");
        assertThat(spec.rowFilters()).containsEntry("public.reservations", "check_in >= date '2025-01-01'");
        assertThat(spec.parallelism()).isEqualTo(4);
        assertThat(spec.batchSize()).isEqualTo(5000);
        assertThat(spec.confirm()).isEqualTo("lofts-test");
        assertThat(spec.resuming()).isFalse();
        assertThat(spec.cancelRequested()).isFalse();
    }

    @Test
    void aTypoIsAnErrorNamingTheField() {
        String manifest = """
                apiVersion: envclone.io/v1alpha1
                kind: TestEnvironment
                metadata: {name: lofts-test}
                spec:
                  type: test
                  anonymization:
                    rules:
                      - {column: public.users.email, type: email}
                      - {colum: public.users.phone, type: phone}
                """;

        assertThatThrownBy(() -> Manifests.parse(manifest, "env.yaml", TestEnvironment.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env.yaml is not a TestEnvironment")
                .hasMessageContaining("\"colum\"")
                .hasMessageContaining("spec.anonymization.rules[1].colum");
    }

    @Test
    void anUnknownTypeNamesTheField() {
        String manifest = """
                apiVersion: envclone.io/v1alpha1
                kind: TestEnvironment
                metadata: {name: lofts-test}
                spec: {type: prod}
                """;

        assertThatThrownBy(() -> Manifests.parse(manifest, "env.yaml", TestEnvironment.class))
                .hasMessageContaining("spec.type");
    }

    @Test
    void aStatusReadsBack() {
        String manifest = """
                apiVersion: envclone.io/v1alpha1
                kind: CloneRequest
                metadata: {name: c1, generation: 2}
                spec: {environmentRef: lofts-test, resumeFrom: c0}
                status:
                  observedGeneration: 2
                  phase: Cloning
                  progress: {rowsCloned: 10, rowsLanded: 8, expectedRows: 0}
                  conditions:
                    - {type: Ready, status: "False", reason: Cloning, message: rows moving, lastTransitionTime: "2026-12-02T06:00:00Z", observedGeneration: 2}
                """;

        CloneRequest request = Manifests.parse(manifest, "c1.yaml", CloneRequest.class);

        assertThat(request.getSpec().resuming()).isTrue();
        assertThat(request.getStatus().phase()).isEqualTo(ClonePhase.CLONING);
        assertThat(request.getStatus().progress().rowsLanded()).isEqualTo(8);
        assertThat(request.getStatus().conditions()).singleElement().satisfies(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getObservedGeneration()).isEqualTo(2L);
        });
        assertThat(request.getStatus().retries()).isZero();
    }
}
