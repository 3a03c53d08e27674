package io.envclone.testing.demo;

import java.util.SplittableRandom;

/** Algerian cities with their wilaya, and how often people live there and lofts are let there. */
final class AlgerianPlaces {

    /** {@code loftWeight} 0: nobody lets a loft there in this company's books. */
    record City(String name, int wilaya, double userWeight, double loftWeight, double priceFactor) {

        /** "d'Alger", "d'Oran", "de Béjaïa": French elides "de" before a vowel. */
        String ofCity() {
            return ("AEÉIOU".indexOf(name.charAt(0)) >= 0 ? "d'" : "de ") + name;
        }

        String postalCode() {
            return AlgerianFormats.digits(wilaya, 2) + "000";
        }
    }

    static final City[] CITIES = {
        new City("Alger", 16, 26, 30, 1.30),
        new City("Oran", 31, 12, 15, 1.20),
        new City("Constantine", 25, 8, 8, 1.00),
        new City("Annaba", 23, 5, 7, 1.05),
        new City("Blida", 9, 5, 2, 0.85),
        new City("Sétif", 19, 5, 3, 0.85),
        new City("Tlemcen", 13, 4, 4, 0.95),
        new City("Béjaïa", 6, 4, 7, 1.10),
        new City("Tizi Ouzou", 15, 5, 3, 0.90),
        new City("Batna", 5, 3, 1, 0.80),
        new City("Boumerdès", 35, 3, 3, 1.00),
        new City("Tipaza", 42, 2, 5, 1.15),
        new City("Jijel", 18, 2, 4, 1.05),
        new City("Mostaganem", 27, 2, 3, 0.95),
        new City("Skikda", 21, 2, 2, 0.90),
        new City("Biskra", 7, 2, 1, 0.80),
        new City("Ghardaïa", 47, 1, 2, 0.90),
        new City("Chlef", 2, 2, 0, 0.80),
        new City("Djelfa", 17, 2, 0, 0.75),
        new City("Tamanrasset", 11, 0.5, 1, 1.00),
    };

    private static final RowRandom.Weights FOR_USERS = weights(true);
    private static final RowRandom.Weights FOR_LOFTS = weights(false);

    private AlgerianPlaces() {
    }

    /** Index into {@link #CITIES} of where a user lives. */
    static int userCity(SplittableRandom random) {
        return FOR_USERS.pick(random);
    }

    /** Index into {@link #CITIES} of where a loft is. */
    static int loftCity(SplittableRandom random) {
        return FOR_LOFTS.pick(random);
    }

    private static RowRandom.Weights weights(boolean users) {
        double[] weights = new double[CITIES.length];
        for (int i = 0; i < CITIES.length; i++) {
            weights[i] = users ? CITIES[i].userWeight() : CITIES[i].loftWeight();
        }
        return new RowRandom.Weights(weights);
    }
}
