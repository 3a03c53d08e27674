package io.envclone.testing.demo;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * audit.audit_log: the history the audit trigger would have written since it went live
 * ({@link DemoClock#AUDIT_START}): guests editing their phone before booking, reservations
 * confirmed, cancelled or completed, payments settled or refunded, abandoned requests purged.
 * Row images hold the same values as the loaded rows, so the history agrees with the tables.
 *
 * <p>Changes are found reservation by reservation but written in time order, as a trigger
 * would have: small change descriptions wait in a queue until no later reservation can
 * produce an earlier change, and their row images are built only when written.
 */
final class AuditLoad extends TableLoad {

    /** Audit rows one reservation of the audit window yields on average at full intensity. */
    private static final double CHANGES_PER_RESERVATION = 1.5;
    /** A guest edits their profile at most this long before booking. */
    private static final long PROFILE_LEAD = 30 * DemoClock.DAY;
    private static final String[] APP_SERVERS = {"10.12.0.21", "10.12.0.22", "10.12.0.23"};

    private enum Kind { PROFILE, RESERVATION_STATUS, RESERVATION_PURGE, PAYMENT_STATUS }

    /** One audited change; {@code order} keeps ties in discovery order, so the output is deterministic. */
    private record Change(long changedAt, long order, Kind kind, long reservationId, int paymentIndex, long paymentId,
            String oldPhone) {
    }

    AuditLoad(DemoWorld world) {
        super(world, "audit.audit_log",
                "id, table_name, operation, row_id, changed_by, changed_at, client_addr, old_row, new_row");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        ReservationBook reservations = world.reservations();
        long first = reservations.firstCreatedFrom(DemoClock.AUDIT_START);
        long window = reservations.size() - first + 1;
        // How likely each kind of change is logged, so that the total comes near the plan.
        double intensity = window == 0 ? 0 : world.plan().auditEntries() / (window * CHANGES_PER_RESERVATION);
        PriorityQueue<Change> pending = new PriorityQueue<>(
                Comparator.comparingLong(Change::changedAt).thenComparingLong(Change::order));
        long[] counters = new long[2]; // [0] changes found, [1] audit ids written
        long paymentId = 0;
        for (long reservationId = 1; reservationId <= reservations.size(); reservationId++) {
            ReservationBook.Reservation reservation = reservations.reservation(reservationId);
            List<PaymentPlan.Payment> payments = world.payments().payments(reservation);
            if (reservationId >= first) {
                long watermark = reservation.createdAt() - PROFILE_LEAD;
                while (!pending.isEmpty() && pending.peek().changedAt() < watermark) {
                    write(row, pending.poll(), ++counters[1]);
                }
                find(reservation, payments, paymentId, intensity, pending, counters);
            }
            paymentId += payments.size();
        }
        while (!pending.isEmpty()) {
            write(row, pending.poll(), ++counters[1]);
        }
    }

    private void find(ReservationBook.Reservation reservation, List<PaymentPlan.Payment> payments, long firstPaymentId,
            double intensity, PriorityQueue<Change> pending, long[] counters) {
        SplittableRandom random = RowRandom.of(world.seed(), RowRandom.Stream.AUDIT, reservation.id());
        long id = reservation.id();
        if (RowRandom.chance(random, 0.15 * intensity)) {
            long at = reservation.createdAt() - RowRandom.between(random, 1, 30 * 24) * DemoClock.HOUR;
            add(pending, counters, new Change(at, 0, Kind.PROFILE, id, -1, 0, AlgerianFormats.mobilePhone(random)));
        }
        if (reservation.purged()) {
            long at = DemoClock.startOfDay(DemoClock.day(reservation.createdAt()) + 4) + 2 * DemoClock.HOUR;
            add(pending, counters, new Change(at, 0, Kind.RESERVATION_PURGE, id, -1, 0, null));
        } else if (reservation.status() != ReservationBook.Status.PENDING && RowRandom.chance(random, 0.7 * intensity)) {
            add(pending, counters, new Change(reservation.updatedAt(), 0, Kind.RESERVATION_STATUS, id, -1, 0, null));
        }
        for (int i = 0; i < payments.size(); i++) {
            PaymentPlan.Payment payment = payments.get(i);
            if (payment.status() != PaymentPlan.Status.PENDING && RowRandom.chance(random, 0.6 * intensity)) {
                long at = payment.status() == PaymentPlan.Status.REFUNDED
                        ? Math.max(reservation.updatedAt(), payment.paidAt() + DemoClock.HOUR)
                        : payment.paidAt() + RowRandom.between(random, 2, 30);
                add(pending, counters, new Change(at, 0, Kind.PAYMENT_STATUS, id, i, firstPaymentId + i + 1, null));
            }
        }
    }

    /** Keeps changes the trigger would have seen: after it went live, before "today". */
    private static void add(PriorityQueue<Change> pending, long[] counters, Change change) {
        if (change.changedAt() >= DemoClock.AUDIT_START && change.changedAt() < DemoClock.NOW) {
            pending.add(new Change(change.changedAt(), ++counters[0], change.kind(), change.reservationId(),
                    change.paymentIndex(), change.paymentId(), change.oldPhone()));
        }
    }

    private void write(CopyRow row, Change change, long auditId) throws SQLException {
        ReservationBook.Reservation reservation = world.reservations().reservation(change.reservationId());
        SplittableRandom random = RowRandom.of(world.seed(), RowRandom.Stream.AUDIT_ROW, auditId);
        row.add(auditId);
        switch (change.kind()) {
            case PROFILE -> {
                UserDirectory.User guest = world.users().user(reservation.guestId());
                long userId = guest.contact().id();
                audit(row, "users", "UPDATE", userId, userId, change, random)
                        .addJson(RowImages.user(guest, change.oldPhone(), guest.createdAt()))
                        .addJson(RowImages.user(guest, guest.contact().phone(), Math.max(change.changedAt(),
                                guest.createdAt())));
            }
            case RESERVATION_PURGE -> {
                UserDirectory.Contact guest = world.users().contact(reservation.guestId());
                audit(row, "reservations", "DELETE", reservation.id(), null, change, random)
                        .addJson(RowImages.reservation(reservation, guest, ReservationBook.Status.PENDING,
                                reservation.createdAt()))
                        .addNull();
            }
            case RESERVATION_STATUS -> {
                UserDirectory.Contact guest = world.users().contact(reservation.guestId());
                ReservationBook.Status status = reservation.status();
                Long by = switch (status) {
                    case CONFIRMED -> reservation.loft().ownerId();
                    case CANCELLED -> reservation.guestId();
                    default -> null; // completed by the nightly job
                };
                audit(row, "reservations", "UPDATE", reservation.id(), by, change, random)
                        .addJson(RowImages.reservation(reservation, guest, status == ReservationBook.Status.COMPLETED
                                ? ReservationBook.Status.CONFIRMED : ReservationBook.Status.PENDING,
                                reservation.createdAt()))
                        .addJson(RowImages.reservation(reservation, guest, status, reservation.updatedAt()));
            }
            case PAYMENT_STATUS -> {
                PaymentPlan.Payment payment = world.payments().payments(reservation).get(change.paymentIndex());
                boolean refund = payment.status() == PaymentPlan.Status.REFUNDED;
                // The provider's callback settles payments; a refund follows a guest's cancellation.
                audit(row, "payments", "UPDATE", change.paymentId(), refund ? reservation.guestId() : null, change, random)
                        .addJson(RowImages.payment(change.paymentId(), payment,
                                refund ? PaymentPlan.Status.SUCCEEDED : PaymentPlan.Status.PENDING))
                        .addJson(RowImages.payment(change.paymentId(), payment, payment.status()));
            }
        }
        row.end();
    }

    /** The columns every audit row has; changes made by a person come through an application server. */
    private static CopyRow audit(CopyRow row, String table, String operation, long rowId, Long changedBy,
            Change change, SplittableRandom random) {
        return row.add(table).add(operation).add(rowId).add(changedBy).addTimestamp(change.changedAt())
                .add(changedBy == null ? null : RowRandom.pick(random, APP_SERVERS));
    }
}
