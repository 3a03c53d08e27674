package io.envclone.testing.demo;

import java.util.List;

/**
 * Everything the table loads draw from, built once per generation: the plan, the fake-value
 * pools, and the few things that need the whole population (emails, hosts, lofts, calendars).
 */
record DemoWorld(long seed, DemoPlan plan, FakePools pools, UserDirectory users, LoftCatalog lofts,
        ReservationBook reservations, PaymentPlan payments, ConversationPlan conversations) {

    static DemoWorld create(DemoOptions options) {
        long seed = options.seed();
        DemoPlan plan = DemoPlan.of(options.scale());
        FakePools pools = FakePools.create(seed);
        UserDirectory users = UserDirectory.build(seed, plan, pools);
        LoftCatalog lofts = LoftCatalog.build(seed, plan, users, pools);
        ReservationBook reservations = ReservationBook.plan(seed, plan, users, lofts);
        return new DemoWorld(seed, plan, pools, users, lofts, reservations, new PaymentPlan(seed),
                new ConversationPlan(seed, plan, users, lofts, reservations));
    }

    /** The loads in an order where every referenced row is loaded first (not required, but tidy). */
    List<TableLoad> loads() {
        return List.of(new UsersLoad(this), new LoftsLoad(this), new ReservationsLoad(this), new PaymentsLoad(this),
                new ConversationsLoad(this), new ParticipantsLoad(this), new MessagesLoad(this),
                new NotificationsLoad(this), new AuditLoad(this));
    }
}
