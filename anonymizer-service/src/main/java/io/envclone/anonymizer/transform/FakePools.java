package io.envclone.anonymizer.transform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Realistic replacement values for one locale, made once by datafaker from a fixed seed: a keyed
 * hash then picks from them, which is deterministic and thousands of times faster than a Faker
 * call per value. French by default: it reads right to the Algerian users we start with.
 */
public final class FakePools {

    static final int SIZE = 2_000;
    /** Made once per locale for the whole JVM: they depend on nothing else, and making them costs Faker calls. */
    private static final java.util.Map<String, FakePools> BY_LOCALE = new java.util.concurrent.ConcurrentHashMap<>();

    final List<String> firstNames;
    final List<String> lastNames;
    final List<String> cities;
    final List<String> streets;
    final List<String> companies;

    public static FakePools of(String locale) {
        return BY_LOCALE.computeIfAbsent(locale, FakePools::new);
    }

    private FakePools(String locale) {
        Faker faker = new Faker(Locale.forLanguageTag(locale), new Random(20_261_201L));
        this.firstNames = distinct(() -> faker.name().firstName(), SIZE);
        this.lastNames = distinct(() -> faker.name().lastName(), SIZE);
        this.cities = distinct(() -> faker.address().cityName(), SIZE / 4);
        this.streets = distinct(() -> faker.address().streetName(), SIZE);
        this.companies = distinct(() -> faker.company().name(), SIZE);
    }

    /** Up to {@code size} distinct values; a locale with fewer (cities) gives what it has, in a fixed order. */
    private static List<String> distinct(Supplier<String> next, int size) {
        Set<String> values = new LinkedHashSet<>();
        for (int tries = 0; values.size() < size && tries < size * 20; tries++) {
            values.add(next.get());
        }
        return new ArrayList<>(values);
    }
}
