package io.envclone.testing.demo;

/**
 * Rows as jsonb, the way {@code to_jsonb(row)} in audit.log_change() writes them: every column
 * under its own name. The audit history loaded by COPY then looks exactly like what the trigger
 * writes for later changes.
 */
final class RowImages {

    private RowImages() {
    }

    static Json user(UserDirectory.User user, String phone, long updatedAt) {
        UserDirectory.Contact contact = user.contact();
        return Json.object().put("id", contact.id()).put("email", contact.email())
                .put("full_name", contact.fullName()).put("first_name", contact.firstName())
                .put("last_name", user.lastName()).put("phone", phone).put("national_id", user.nationalId())
                .put("birth_date", DemoClock.date(user.birthDay())).put("address", user.address())
                .put("city", user.city().name()).put("postal_code", user.city().postalCode())
                .put("iban", user.iban()).put("role", user.role().sql()).put("manager_id", user.managerId())
                .put("created_at", DemoClock.isoTimestamp(user.createdAt()))
                .put("updated_at", DemoClock.isoTimestamp(updatedAt))
                .put("deleted_at", user.deletedAt() == null ? null : DemoClock.isoTimestamp(user.deletedAt()));
    }

    static Json reservation(ReservationBook.Reservation reservation, UserDirectory.Contact guest,
            ReservationBook.Status status, long updatedAt) {
        return Json.object().put("id", reservation.id()).put("loft_id", reservation.loft().id())
                .put("guest_id", guest.id()).put("guest_name", guest.fullName()).put("guest_email", guest.email())
                .put("guest_phone", guest.phone()).put("check_in", DemoClock.date(reservation.checkIn()))
                .put("check_out", DemoClock.date(reservation.checkOut())).put("nights", reservation.nights())
                .put("guests", reservation.guests()).putMoney("amount", reservation.amountCents())
                .put("currency", reservation.currency()).put("status", status.sql())
                .put("created_at", DemoClock.isoTimestamp(reservation.createdAt()))
                .put("updated_at", DemoClock.isoTimestamp(updatedAt));
    }

    static Json payment(long id, PaymentPlan.Payment payment, PaymentPlan.Status status) {
        return Json.object().put("id", id).put("reservation_id", payment.reservationId())
                .putMoney("amount", payment.amountCents()).put("currency", payment.currency())
                .put("method", payment.method().sql()).put("status", status.sql())
                .put("card_last4", payment.cardLast4()).put("provider_ref", payment.providerRef())
                .put("paid_at", DemoClock.isoTimestamp(payment.paidAt()));
    }
}
