package io.envclone.testing.demo;

import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * public.notifications: what the platform sent about reservations (to the guest or the host)
 * and about accounts. The jsonb payload repeats the recipient's name, email and phone, and
 * for hosts the guest's too: personal data inside JSON.
 */
final class NotificationsLoad extends TableLoad {

    private static final String[] CHANNELS = {"email", "sms", "push"};
    private static final RowRandom.Weights CHANNEL_WEIGHTS = new RowRandom.Weights(55, 25, 20);

    NotificationsLoad(DemoWorld world) {
        super(world, "public.notifications",
                "id, user_id, kind, channel, payload, created_at, read_at");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        int count = world.plan().notifications();
        ReservationBook reservations = world.reservations();
        for (long id = 1; id <= count; id++) {
            SplittableRandom random = RowRandom.of(world.seed(), RowRandom.Stream.NOTIFICATION, id);
            double jitter = random.nextDouble();
            long reservationId = 1 + Math.min(reservations.size() - 1, (long) ((id - 1 + jitter) * reservations.size() / count));
            ReservationBook.Reservation reservation = reservations.reservation(reservationId);
            Notice notice = reservation.purged() || RowRandom.chance(random, 0.12)
                    ? account(DemoClock.timeline(id, count, jitter), random)
                    : about(reservation, random);
            long readAt = notice.createdAt() + RowRandom.between(random, 1, 48 * 60) * 60L;
            row.add(id).add(notice.userId()).add(notice.kind()).add(CHANNELS[CHANNEL_WEIGHTS.pick(random)])
                    .addJson(notice.payload()).addTimestamp(notice.createdAt())
                    .addTimestamp(RowRandom.chance(random, 0.65) && readAt < DemoClock.NOW ? readAt : null)
                    .end();
        }
    }

    private record Notice(long userId, String kind, Json payload, long createdAt) {
    }

    private Notice account(long moment, SplittableRandom random) {
        UserDirectory.Contact user = world.users().contact(world.users().customerAt(moment, random));
        boolean welcome = RowRandom.chance(random, 0.5);
        Json payload = recipient(user);
        if (!welcome) {
            payload.put("reset_url", "https://" + UserDirectory.COMPANY_DOMAIN + "/reset?token="
                    + Long.toHexString(random.nextLong()));
        }
        return new Notice(user.id(), welcome ? "welcome" : "password_reset", payload, moment);
    }

    private Notice about(ReservationBook.Reservation reservation, SplittableRandom random) {
        String[] kinds = {"reservation_confirmed", "new_reservation", "payment_received", "check_in_reminder",
            "review_request"};
        String kind = kinds[random.nextInt(kinds.length)];
        long at = switch (kind) {
            case "reservation_confirmed", "payment_received" -> reservation.createdAt() + DemoClock.HOUR;
            case "check_in_reminder" -> DemoClock.startOfDay(reservation.checkIn()) - 14 * DemoClock.HOUR;
            case "review_request" -> DemoClock.startOfDay(reservation.checkOut()) + 34 * DemoClock.HOUR;
            default -> reservation.createdAt() + 60;
        };
        if (at >= DemoClock.NOW || at < reservation.createdAt()) {
            kind = "new_reservation"; // the later notices have not been sent yet
            at = reservation.createdAt() + 60;
        }
        boolean toHost = kind.equals("new_reservation") || kind.equals("payment_received");
        UserDirectory.Contact guest = world.users().contact(reservation.guestId());
        UserDirectory.Contact recipient = toHost ? world.users().contact(reservation.loft().ownerId()) : guest;
        Json details = Json.object().put("id", reservation.id()).put("loft", reservation.loft().title())
                .put("city", reservation.loft().city().name()).put("check_in", DemoClock.date(reservation.checkIn()))
                .put("check_out", DemoClock.date(reservation.checkOut()))
                .putMoney("amount", reservation.amountCents()).put("currency", reservation.currency());
        Json payload = recipient(recipient).put("reservation", details);
        if (toHost) {
            payload.put("guest", Json.object().put("name", guest.fullName()).put("email", guest.email())
                    .put("phone", guest.phone()));
        }
        return new Notice(recipient.id(), kind, payload, Math.min(at, DemoClock.NOW - 1));
    }

    private static Json recipient(UserDirectory.Contact contact) {
        return Json.object().put("name", contact.fullName()).put("email", contact.email()).put("phone", contact.phone());
    }
}
