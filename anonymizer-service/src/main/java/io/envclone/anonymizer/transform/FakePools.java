package io.envclone.anonymizer.transform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import io.envclone.api.fingerprint.SourceFingerprints;
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
    /** Neutral sentences, for a free text that must not stay the source's. */
    final List<String> sentences;

    public static FakePools of(String locale) {
        return BY_LOCALE.computeIfAbsent(locale, FakePools::new);
    }

    private FakePools(String locale) {
        Faker faker = new Faker(Locale.forLanguageTag(locale), new Random(20_261_201L));
        this.firstNames = toppedUp(locale, f -> f.name().firstName(), SIZE);
        this.lastNames = toppedUp(locale, f -> f.name().lastName(), SIZE);
        // as many as the largest set of source cities that is dealt: French knows 99, and a source's own are not free
        this.cities = toppedUp(locale, f -> f.address().cityName(), SourceFingerprints.DEALT_MAX_VALUES);
        this.streets = distinct(() -> faker.address().streetName(), SIZE);
        this.companies = distinct(() -> faker.company().name(), SIZE);
        this.sentences = distinct(() -> faker.lorem().sentence(6), SIZE / 4);
    }

    /**
     * The locale's names first, then other locales' until there are {@code size}: a locale may know
     * fewer than a hundred first names, and a fake full name must rarely be someone's real one (with
     * 89 x 150 French names, a source of 50,000 French people holds nearly every pair, and no number
     * of draws finds a free one).
     */
    private static List<String> toppedUp(String locale, java.util.function.Function<Faker, String> next, int size) {
        Set<String> names = new LinkedHashSet<>();
        for (String from : TOP_UP) {
            if (names.size() >= size) {
                break;
            }
            Faker faker = new Faker(Locale.forLanguageTag(from.equals("") ? locale : from), new Random(20_261_201L));
            names.addAll(distinct(() -> next.apply(faker), size - names.size()));
        }
        return new ArrayList<>(names);
    }

    /** Where names come from after the locale's own ("" is the locale), in this order. */
    private static final List<String> TOP_UP = List.of("", "en", "es", "de", "it", "nl", "pt");

    /** Up to {@code size} distinct values; a locale with fewer (cities) gives what it has, in a fixed order. */
    private static List<String> distinct(Supplier<String> next, int size) {
        Set<String> values = new LinkedHashSet<>();
        for (int tries = 0, since = 0; values.size() < size && tries < size * 20 && since < 2_000; tries++) {
            // a locale that gave nothing new in 2,000 tries has no more to give
            since = values.add(next.get()) ? 0 : since + 1;
        }
        return new ArrayList<>(values);
    }
}
