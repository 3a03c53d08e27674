package io.envclone.anonymizer.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pools large enough that a fake full name is rarely someone's real one, whatever the locale knows. */
class FakePoolsTest {

    @Test
    void aLocaleWithFewNamesIsToppedUpToMillionsOfFullNamesInAFixedOrder() {
        FakePools french = FakePools.of("fr");
        assertThat(french.firstNames).hasSize(FakePools.SIZE).doesNotHaveDuplicates();
        assertThat(french.lastNames).hasSize(FakePools.SIZE).doesNotHaveDuplicates();
        net.datafaker.Faker faker = new net.datafaker.Faker(java.util.Locale.FRENCH, new java.util.Random(1));
        java.util.Set<String> frenchNames = new java.util.HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            frenchNames.add(faker.name().firstName());
        }
        assertThat(french.firstNames.subList(0, frenchNames.size())).as("the locale's own names come first")
                .containsExactlyInAnyOrderElementsOf(frenchNames);
    }
}
