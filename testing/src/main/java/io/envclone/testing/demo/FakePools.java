package io.envclone.testing.demo;

import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import net.datafaker.Faker;

/**
 * Names and streets to pick from. Datafaker (French locale, seeded) fills the French pools once;
 * a Faker call costs microseconds and resolves expressions, far too slow per row at a million
 * rows, so rows pick from these arrays with their own seeded random numbers instead.
 * Algerian names come from {@link AlgerianNames}: datafaker has no Algerian locale.
 */
final class FakePools {

    private static final int POOL_SIZE = 2_000;
    /** Most customers are Algerian; the rest have French names (diaspora, tourists). */
    private static final double ALGERIAN_SHARE = 0.78;

    record PersonName(String first, String last, boolean female) {
    }

    private final String[] frenchFirstNames;
    private final String[] frenchLastNames;
    private final String[] frenchStreets;

    private FakePools(String[] frenchFirstNames, String[] frenchLastNames, String[] frenchStreets) {
        this.frenchFirstNames = frenchFirstNames;
        this.frenchLastNames = frenchLastNames;
        this.frenchStreets = frenchStreets;
    }

    static FakePools create(long seed) {
        Faker faker = new Faker(Locale.FRENCH, new Random(seed));
        String[] first = new String[POOL_SIZE];
        String[] last = new String[POOL_SIZE];
        String[] streets = new String[POOL_SIZE];
        // Filled one pool after the other so each pool depends on the seed only.
        for (int i = 0; i < POOL_SIZE; i++) {
            first[i] = faker.name().firstName();
        }
        for (int i = 0; i < POOL_SIZE; i++) {
            last[i] = faker.name().lastName();
        }
        for (int i = 0; i < POOL_SIZE; i++) {
            // The French locale lists "Allée, Voie" as one street prefix.
            streets[i] = faker.address().streetName().replace("Allée, Voie", "Allée");
        }
        return new FakePools(first, last, streets);
    }

    PersonName personName(SplittableRandom random) {
        boolean female = random.nextBoolean();
        if (RowRandom.chance(random, ALGERIAN_SHARE)) {
            String first = RowRandom.pick(random,
                    female ? AlgerianNames.FEMALE_FIRST_NAMES : AlgerianNames.MALE_FIRST_NAMES);
            return new PersonName(first, RowRandom.pick(random, AlgerianNames.LAST_NAMES), female);
        }
        return new PersonName(RowRandom.pick(random, frenchFirstNames), RowRandom.pick(random, frenchLastNames),
                female);
    }

    /** A street address as Algerians write it: street number, housing estate (cité), lotissement... */
    String streetAddress(SplittableRandom random) {
        int style = random.nextInt(100);
        if (style < 45) {
            return RowRandom.between(random, 1, 120) + ", " + RowRandom.pick(random, AlgerianNames.STREETS);
        }
        if (style < 65) {
            int size = AlgerianNames.CITE_SIZES[random.nextInt(AlgerianNames.CITE_SIZES.length)];
            return "Cité " + size + " Logements, Bât " + (char) ('A' + random.nextInt(12)) + ", n° "
                    + RowRandom.between(random, 1, 40);
        }
        if (style < 75) {
            return RowRandom.pick(random, AlgerianNames.ESTATES) + " n° " + RowRandom.between(random, 1, 250);
        }
        if (style < 85) {
            return RowRandom.pick(random, AlgerianNames.RESIDENCES) + ", " + RowRandom.between(random, 1, 60) + " "
                    + RowRandom.pick(random, AlgerianNames.STREETS);
        }
        // Colonial-era street names that people still use.
        return RowRandom.between(random, 1, 99) + " " + RowRandom.pick(random, frenchStreets);
    }
}
