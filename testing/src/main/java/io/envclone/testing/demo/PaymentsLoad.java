package io.envclone.testing.demo;

import java.sql.SQLException;

/**
 * public.payments (partitioned: the server routes each row to its year). Ids are given in
 * reservation order, so {@link AuditLoad} can number them the same way.
 */
final class PaymentsLoad extends TableLoad {

    PaymentsLoad(DemoWorld world) {
        super(world, "public.payments",
                "id, reservation_id, amount, currency, method, status, card_last4, provider_ref, paid_at");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        long id = 0;
        for (long reservationId = 1; reservationId <= world.reservations().size(); reservationId++) {
            ReservationBook.Reservation reservation = world.reservations().reservation(reservationId);
            for (PaymentPlan.Payment payment : world.payments().payments(reservation)) {
                id++;
                row.add(id).add(reservationId).addMoney(payment.amountCents()).add(payment.currency())
                        .add(payment.method().sql()).add(payment.status().sql()).add(payment.cardLast4())
                        .add(payment.providerRef()).addTimestamp(payment.paidAt())
                        .end();
            }
        }
    }
}
