package io.envclone.testing.demo;

import java.util.SplittableRandom;

/**
 * Conversations between a guest and a host, most about a reservation, some questions asked
 * before booking, a few with a company manager brought in. Rebuilt from the id alone, so the
 * conversations, participants and messages tables agree without sharing state.
 */
final class ConversationPlan {

    /** {@code reservationId} is null for questions before booking and for purged reservations. */
    record Conversation(long id, Long reservationId, LoftCatalog.Loft loft, long guestId, long hostId,
            Long managerId, String subject, long createdAt, ReservationBook.Reservation reservation) {
    }

    private static final double ABOUT_A_RESERVATION = 0.85;
    private static final double WITH_SUPPORT = 0.08;

    private final long seed;
    private final int count;
    private final UserDirectory users;
    private final LoftCatalog lofts;
    private final ReservationBook reservations;

    ConversationPlan(long seed, DemoPlan plan, UserDirectory users, LoftCatalog lofts, ReservationBook reservations) {
        this.seed = seed;
        this.count = plan.conversations();
        this.users = users;
        this.lofts = lofts;
        this.reservations = reservations;
    }

    int size() {
        return count;
    }

    Conversation conversation(long id) {
        SplittableRandom random = RowRandom.of(seed, RowRandom.Stream.CONVERSATION, id);
        double jitter = random.nextDouble();
        boolean aboutReservation = RowRandom.chance(random, ABOUT_A_RESERVATION);
        Long managerId = RowRandom.chance(random, WITH_SUPPORT) ? users.manager(random) : null;
        if (aboutReservation) {
            // Spread over the reservations in booking order, so ids still follow time.
            long reservationId = 1 + Math.min(reservations.size() - 1,
                    (long) ((id - 1 + jitter) * reservations.size() / count));
            ReservationBook.Reservation reservation = reservations.reservation(reservationId);
            long createdAt = Math.min(DemoClock.NOW - 60, reservation.createdAt() + RowRandom.between(random, 5, 600) * 60L);
            String subject = switch (random.nextInt(3)) {
                case 0 -> "Réservation n° " + reservationId + " – " + reservation.loft().title();
                case 1 -> "Votre séjour à " + reservation.loft().city().name();
                default -> "Séjour du " + DemoClock.frenchDate(reservation.checkIn()) + " au "
                        + DemoClock.frenchDate(reservation.checkOut());
            };
            return new Conversation(id, reservation.purged() ? null : reservationId, reservation.loft(),
                    reservation.guestId(), reservation.loft().ownerId(), managerId, subject, createdAt,
                    reservation);
        }
        long createdAt = DemoClock.timeline(id, count, jitter);
        LoftCatalog.Loft loft = lofts.popularAt(createdAt, random);
        long guest = users.customerAt(createdAt, random);
        if (guest == loft.ownerId()) {
            guest = guest > users.firstCustomer() ? guest - 1 : guest + 1;
        }
        String subject = switch (random.nextInt(3)) {
            case 0 -> "Question sur « " + loft.title() + " »";
            case 1 -> "Disponibilité à " + loft.city().name();
            default -> "Demande d'informations";
        };
        return new Conversation(id, null, loft, guest, loft.ownerId(), managerId, subject, createdAt, null);
    }
}
