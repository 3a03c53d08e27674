package io.envclone.testing.demo;

import java.util.SplittableRandom;

/**
 * The lofts, kept in memory (a few percent of the rows): reservations need each loft's price,
 * owner and calendar. Lofts differ in popularity, as on any letting site.
 */
final class LoftCatalog {

    /** Money is held in cents (centimes): numeric(12,2) without floating-point drift. */
    record Loft(long id, long ownerId, String title, String address, AlgerianPlaces.City city, long priceCents,
            String currency, int bedrooms, int maxGuests, long cleaningFeeCents, boolean active, long createdAt,
            long updatedAt) {
    }

    private static final String[] KINDS = {"Studio", "Loft", "Appartement F2", "Appartement F3", "Appartement F4",
        "Duplex", "Penthouse"};
    private static final int[] KIND_BEDROOMS = {0, 1, 1, 2, 3, 3, 2};
    private static final RowRandom.Weights KIND_WEIGHTS = new RowRandom.Weights(15, 20, 20, 20, 10, 8, 7);
    private static final String[] ADJECTIVES = {"lumineux", "moderne", "spacieux", "cosy", "rénové", "climatisé",
        "calme", "de standing", "meublé", "élégant", "neuf", "familial"};
    private static final String[] FEATURES = {"avec vue sur mer", "proche du centre-ville", "avec terrasse",
        "près de la plage", "avec parking", "au cœur %s", "proche du tramway", "avec wifi fibre",
        "à deux pas de la corniche", "proche de l'aéroport", "en résidence sécurisée", "avec balcon",
        "vue sur la baie", "dans un quartier résidentiel %s"};
    /** Some owners, mostly abroad, price in euros. */
    private static final double EURO_SHARE = 0.15;
    private static final long DINARS_PER_EURO = 150;

    private final Loft[] lofts;
    private final RowRandom.Weights popularity;

    private LoftCatalog(Loft[] lofts, RowRandom.Weights popularity) {
        this.lofts = lofts;
        this.popularity = popularity;
    }

    static LoftCatalog build(long seed, DemoPlan plan, UserDirectory users, FakePools pools) {
        Loft[] lofts = new Loft[plan.lofts()];
        double[] weights = new double[plan.lofts()];
        for (int i = 0; i < lofts.length; i++) {
            lofts[i] = loft(seed, i + 1, plan.lofts(), users, pools);
            weights[i] = popularity(RowRandom.of(seed, RowRandom.Stream.LOFT_POPULARITY, i + 1));
        }
        return new LoftCatalog(lofts, new RowRandom.Weights(weights));
    }

    private static Loft loft(long seed, long id, int count, UserDirectory users, FakePools pools) {
        SplittableRandom random = RowRandom.of(seed, RowRandom.Stream.LOFT, id);
        long createdAt = DemoClock.timeline(id, count, random.nextDouble());
        AlgerianPlaces.City city = AlgerianPlaces.CITIES[AlgerianPlaces.loftCity(random)];
        int kind = KIND_WEIGHTS.pick(random);
        int bedrooms = KIND_BEDROOMS[kind];
        String title = KINDS[kind] + " " + RowRandom.pick(random, ADJECTIVES) + " "
                + String.format(RowRandom.pick(random, FEATURES), city.ofCity());
        long dinars = roundTo(500, (long) ((4_000 + 3_500 * bedrooms) * city.priceFactor()
                * (0.75 + 0.6 * random.nextDouble())));
        boolean euros = RowRandom.chance(random, EURO_SHARE);
        long price = euros ? Math.max(25, roundTo(5, dinars / DINARS_PER_EURO)) : dinars;
        long cleaningFee = euros ? RowRandom.between(random, 2, 6) * 5 : roundTo(500, dinars / 5);
        long updatedAt = createdAt + (long) ((DemoClock.NOW - createdAt) * random.nextDouble());
        return new Loft(id, users.hostAt(createdAt, random), title, pools.streetAddress(random), city,
                price * 100, euros ? "EUR" : "DZD", bedrooms, 2 + 2 * bedrooms, cleaningFee * 100,
                RowRandom.chance(random, 0.93), createdAt, updatedAt);
    }

    /**
     * A log-normal-like weight: a few lofts are booked far more than most. Built from uniforms and
     * StrictMath (not nextGaussian or Math.exp, which may differ by an ulp between JVMs), so the
     * data stays byte-identical everywhere.
     */
    private static double popularity(SplittableRandom random) {
        double roughlyNormal = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2;
        return StrictMath.exp(1.5 * roughlyNormal);
    }

    private static long roundTo(long step, long value) {
        return Math.max(step, Math.round((double) value / step) * step);
    }

    int size() {
        return lofts.length;
    }

    Loft loft(long id) {
        return lofts[(int) id - 1];
    }

    /** A loft listed by {@code moment}, popular ones more often. */
    Loft popularAt(long moment, SplittableRandom random) {
        int listed = (int) Math.max(1, Math.min(lofts.length, DemoClock.existingAt(moment, lofts.length)));
        return lofts[popularity.pickBelow(random, listed)];
    }
}
