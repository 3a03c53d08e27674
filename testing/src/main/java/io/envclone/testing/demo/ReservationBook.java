package io.envclone.testing.demo;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Plans every reservation once, in booking order, keeping a calendar per loft so that stays of
 * one loft never overlap, as in a real booking system. Only a few small numbers per
 * reservation are kept (about 15 bytes); the rest of a row is rebuilt from its id.
 */
final class ReservationBook {

    enum Status { PENDING, CONFIRMED, CANCELLED, COMPLETED;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code purged}: an abandoned request the nightly job deleted; its id is a gap in the table. */
    record Reservation(long id, LoftCatalog.Loft loft, long guestId, long createdAt, int checkIn, int checkOut,
            int guests, long amountCents, Status status, long updatedAt, boolean purged) {

        String currency() {
            return loft.currency();
        }

        int nights() {
            return checkOut - checkIn;
        }
    }

    private static final int[] NIGHTS = {1, 2, 3, 4, 5, 6, 7, 10, 14, 21};
    private static final RowRandom.Weights NIGHT_WEIGHTS = new RowRandom.Weights(15, 25, 20, 10, 8, 6, 8, 4, 3, 1);
    private static final int TODAY = DemoClock.day(DemoClock.NOW);
    private static final byte PURGED = -1;

    private final long seed;
    private final LoftCatalog lofts;
    private final int[] loftIds;
    private final int[] guestIds;
    private final int[] checkIns;
    private final byte[] nights;
    private final byte[] guests;
    private final byte[] statuses;

    private ReservationBook(long seed, LoftCatalog lofts, int count) {
        this.seed = seed;
        this.lofts = lofts;
        loftIds = new int[count];
        guestIds = new int[count];
        checkIns = new int[count];
        nights = new byte[count];
        guests = new byte[count];
        statuses = new byte[count];
    }

    static ReservationBook plan(long seed, DemoPlan plan, UserDirectory users, LoftCatalog lofts) {
        ReservationBook book = new ReservationBook(seed, lofts, plan.reservations());
        int[] nextFree = new int[lofts.size() + 1];
        for (int id = 1; id <= plan.reservations(); id++) {
            book.planOne(id, users, nextFree);
        }
        return book;
    }

    private void planOne(int id, UserDirectory users, int[] nextFree) {
        int i = id - 1;
        SplittableRandom random = RowRandom.of(seed, RowRandom.Stream.RESERVATION, id);
        long createdAt = createdAt(id, random);
        int bookedDay = DemoClock.day(createdAt);
        double leadDraw = random.nextDouble();
        int lead = (int) (120 * leadDraw * leadDraw); // most book shortly before
        int stay = NIGHTS[NIGHT_WEIGHTS.pick(random)];
        LoftCatalog.Loft loft = null;
        int checkIn = Integer.MAX_VALUE;
        // A busy loft pushes the stay later: the guest looks at a few lofts and takes the earliest.
        for (int attempt = 0; attempt < 4 && checkIn - bookedDay > lead + 30; attempt++) {
            LoftCatalog.Loft candidate = lofts.popularAt(createdAt, random);
            int candidateCheckIn = Math.max(bookedDay + lead, nextFree[(int) candidate.id()] + random.nextInt(3));
            if (candidateCheckIn < checkIn) {
                loft = candidate;
                checkIn = candidateCheckIn;
            }
        }
        long guest = users.customerAt(createdAt, random);
        if (guest == loft.ownerId()) {
            guest = guest > users.firstCustomer() ? guest - 1 : guest + 1; // nobody books their own loft
        }
        Status status = status(checkIn, checkIn + stay, random);
        // Purged while the audit trigger was live, so the audit log holds their deletion.
        boolean purged = createdAt >= DemoClock.AUDIT_START && createdAt < DemoClock.NOW - 4 * DemoClock.DAY
                && RowRandom.chance(random, 0.015);
        if (!purged && status != Status.CANCELLED) {
            nextFree[(int) loft.id()] = checkIn + stay;
        }
        loftIds[i] = (int) loft.id();
        guestIds[i] = (int) guest;
        checkIns[i] = checkIn;
        nights[i] = (byte) stay;
        guests[i] = (byte) RowRandom.between(random, 1, loft.maxGuests());
        statuses[i] = purged ? PURGED : (byte) status.ordinal();
    }

    private static Status status(int checkIn, int checkOut, SplittableRandom random) {
        double draw = random.nextDouble();
        if (checkOut <= TODAY) {
            return draw < 0.13 ? Status.CANCELLED : Status.COMPLETED;
        }
        if (checkIn <= TODAY) {
            return Status.CONFIRMED; // staying right now
        }
        return draw < 0.25 ? Status.PENDING : draw < 0.33 ? Status.CANCELLED : Status.CONFIRMED;
    }

    private long createdAt(long id, SplittableRandom random) {
        return Math.min(DemoClock.NOW - 60, DemoClock.timeline(id, loftIds.length, random.nextDouble()));
    }

    int size() {
        return loftIds.length;
    }

    boolean purged(long id) {
        return statuses[(int) id - 1] == PURGED;
    }

    long createdAt(long id) {
        return createdAt(id, RowRandom.of(seed, RowRandom.Stream.RESERVATION, id));
    }

    /** The first reservation booked at or after {@code moment} ({@code size() + 1} if none). */
    long firstCreatedFrom(long moment) {
        long low = 1;
        long high = size() + 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (createdAt(middle) >= moment) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The reservation {@code id}, also when it was purged (the audit log still shows it). */
    Reservation reservation(long id) {
        int i = (int) id - 1;
        LoftCatalog.Loft loft = lofts.loft(loftIds[i]);
        boolean purged = statuses[i] == PURGED;
        Status status = purged ? Status.PENDING : Status.values()[statuses[i]];
        long createdAt = createdAt(id);
        int checkIn = checkIns[i];
        int checkOut = checkIn + nights[i];
        long amount = loft.priceCents() * nights[i];
        if (nights[i] >= 7) {
            amount = amount * 9 / 10 / 100 * 100; // weekly discount, rounded to whole units
        }
        amount += loft.cleaningFeeCents();
        SplittableRandom random = RowRandom.of(seed, RowRandom.Stream.RESERVATION_UPDATE, id);
        long updatedAt = switch (status) {
            case PENDING -> createdAt;
            case CONFIRMED -> createdAt + RowRandom.between(random, 10, 2_880) * 60L;
            case COMPLETED -> DemoClock.startOfDay(checkOut) + 3 * DemoClock.HOUR; // the nightly job
            case CANCELLED -> createdAt + (long) (Math.max(0, Math.min(DemoClock.startOfDay(checkIn), DemoClock.NOW)
                    - createdAt) * random.nextDouble());
        };
        return new Reservation(id, loft, guestIds[i], createdAt, checkIn, checkOut, guests[i], amount, status,
                Math.min(updatedAt, DemoClock.NOW - 1), purged);
    }
}
