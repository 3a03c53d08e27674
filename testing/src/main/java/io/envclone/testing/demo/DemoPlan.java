package io.envclone.testing.demo;

/**
 * Row counts for one scale. Scale 1 is about a million rows; every count has a floor so that
 * even a tiny scale fills every table and every foreign key finds a row to point at.
 * Payments and participants are not listed: they follow from reservations and conversations.
 */
record DemoPlan(int users, int staff, int lofts, int reservations, int conversations, int messages,
        int notifications, int auditEntries) {

    static DemoPlan of(double scale) {
        int users = count(scale, 50_000, 40);
        return new DemoPlan(
                users,
                // Staff accounts (one admin, then managers) were created first; hosts report to them.
                Math.max(3, Math.min(500, users / 200)),
                count(scale, 8_000, 8),
                count(scale, 200_000, 60),
                count(scale, 60_000, 20),
                count(scale, 250_000, 60),
                count(scale, 80_000, 20),
                count(scale, 40_000, 20));
    }

    private static int count(double scale, int atScaleOne, int minimum) {
        return (int) Math.max(minimum, Math.round(atScaleOne * scale));
    }

    /** Ids of ordinary users (not staff) are {@code firstCustomer()..users}. */
    int firstCustomer() {
        return staff + 1;
    }
}
