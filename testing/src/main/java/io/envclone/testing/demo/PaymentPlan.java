package io.envclone.testing.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The payments of one reservation, rebuilt from the reservation alone: paid in full or with a
 * 30 % deposit, a balance on arrival (often cash), failed card attempts, refunds of cancelled
 * stays, and balances still to be taken for stays after "today".
 */
final class PaymentPlan {

    enum Method { CARD, CIB, EDAHABIA, CASH, TRANSFER;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean usesCard() {
            return this == CARD || this == CIB || this == EDAHABIA;
        }
    }

    enum Status { PENDING, SUCCEEDED, FAILED, REFUNDED;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Payment(long reservationId, long amountCents, String currency, Method method, Status status,
            String cardLast4, String providerRef, long paidAt) {
    }

    private static final Method[] DINAR_METHODS = {Method.CIB, Method.EDAHABIA, Method.CARD, Method.TRANSFER};
    private static final RowRandom.Weights DINAR_WEIGHTS = new RowRandom.Weights(40, 30, 12, 18);
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();

    private final long seed;

    PaymentPlan(long seed) {
        this.seed = seed;
    }

    List<Payment> payments(ReservationBook.Reservation reservation) {
        List<Payment> payments = new ArrayList<>(2);
        if (reservation.purged()) {
            return payments;
        }
        SplittableRandom random = RowRandom.of(seed, RowRandom.Stream.PAYMENT, reservation.id());
        boolean euros = reservation.currency().equals("EUR");
        Method online = euros ? (RowRandom.chance(random, 0.8) ? Method.CARD : Method.TRANSFER)
                : DINAR_METHODS[DINAR_WEIGHTS.pick(random)];
        String card = AlgerianFormats.digits(random.nextInt(10_000), 4);
        long booked = Math.min(DemoClock.NOW - 1_000, reservation.createdAt() + RowRandom.between(random, 60, 1_800));
        long arrival = DemoClock.startOfDay(reservation.checkIn()) + RowRandom.between(random, 14 * 60, 20 * 60) * 60L;
        long amount = reservation.amountCents();
        long deposit = amount * 3 / 10 / 100 * 100;
        double draw = random.nextDouble();
        Sink sink = new Sink(payments, reservation, random, card);
        switch (reservation.status()) {
            case PENDING -> {
                if (draw < 0.5) {
                    sink.add(amount, online, Status.PENDING, booked);
                }
            }
            case CANCELLED -> {
                if (draw < 0.55) {
                    sink.add(amount, online, Status.REFUNDED, booked);
                }
            }
            case CONFIRMED, COMPLETED -> {
                if (reservation.status() == ReservationBook.Status.COMPLETED && draw < 0.08) {
                    sink.add(amount, online, Status.FAILED, booked);
                    sink.add(amount, online, Status.SUCCEEDED, booked + RowRandom.between(random, 120, 900));
                } else if (draw < 0.65) {
                    sink.add(amount, online, Status.SUCCEEDED, booked);
                } else {
                    sink.add(deposit, online, Status.SUCCEEDED, booked);
                    Method onArrival = !euros && RowRandom.chance(random, 0.6) ? Method.CASH : online;
                    // A stay after "today" still has its balance to take: scheduled at arrival.
                    Status balance = arrival < DemoClock.NOW ? Status.SUCCEEDED : Status.PENDING;
                    sink.add(amount - deposit, onArrival, balance, arrival);
                }
            }
        }
        return payments;
    }

    /** Adds payments of one reservation with the details every payment shares. */
    private record Sink(List<Payment> payments, ReservationBook.Reservation reservation, SplittableRandom random,
            String card) {

        void add(long amount, Method method, Status status, long paidAt) {
            payments.add(new Payment(reservation.id(), amount, reservation.currency(), method, status,
                    method.usesCard() ? card : null, providerReference(method), paidAt));
        }

        /** The payment provider's id: SATIM order for CIB/Edahabia, card processor id, transfer reference. */
        private String providerReference(Method method) {
            return switch (method) {
                case CIB, EDAHABIA -> "SAT" + AlgerianFormats.digits(random.nextLong(10_000_000_000L), 10);
                case CARD -> "pi_" + alphanumeric(random, 24);
                case TRANSFER -> "VIR" + AlgerianFormats.digits(random.nextInt(1_000_000_000), 9);
                case CASH -> null;
            };
        }
    }

    private static String alphanumeric(SplittableRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }
}
