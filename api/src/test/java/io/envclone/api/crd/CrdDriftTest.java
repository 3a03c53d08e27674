package io.envclone.api.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRDs in {@code crds/} are generated from the model and committed: this test generates them
 * again and fails when they differ. {@code -Dcrds.regenerate=true} writes them instead.
 */
class CrdDriftTest {

    static final String REGENERATE = "./mvnw -o -q -B test -pl api -Dtest=CrdDriftTest -Dcrds.regenerate=true";
    static final Path COMMITTED = Path.of("..", "crds");

    @Test
    void committedCrdsAreTheGeneratedOnes(@TempDir Path generated) throws IOException {
        boolean regenerate = Boolean.getBoolean("crds.regenerate");
        new CRDGenerator()
                .customResourceClasses(TestEnvironment.class, CloneRequest.class)
                .forCRDVersions("v1")
                .inOutputDir(regenerate ? COMMITTED.toFile() : generated.toFile())
                .generate();
        for (String name : new String[] {"testenvironments.envclone.io-v1.yml", "clonerequests.envclone.io-v1.yml"}) {
            Path fresh = (regenerate ? COMMITTED : generated).resolve(name);
            assertThat(fresh).exists();
            Path committed = COMMITTED.resolve(name);
            assertThat(committed).as("crds/%s is missing: run %s to generate it", name, REGENERATE).exists();
            assertThat(Files.readString(committed))
                    .as("crds/%s differs from what the model generates: run %s to regenerate it, and commit it", name,
                            REGENERATE)
                    .isEqualTo(Files.readString(fresh));
        }
    }
}
