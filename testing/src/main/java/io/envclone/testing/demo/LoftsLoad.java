package io.envclone.testing.demo;

import java.sql.SQLException;

/** public.lofts, from the in-memory catalog. */
final class LoftsLoad extends TableLoad {

    LoftsLoad(DemoWorld world) {
        super(world, "public.lofts",
                "id, owner_id, title, address, city, price_per_night, currency, cleaning_fee, bedrooms, max_guests, "
                + "active, created_at, updated_at");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        for (long id = 1; id <= world.lofts().size(); id++) {
            LoftCatalog.Loft loft = world.lofts().loft(id);
            row.add(id).add(loft.ownerId()).add(loft.title()).add(loft.address()).add(loft.city().name())
                    .addMoney(loft.priceCents()).add(loft.currency()).addMoney(loft.cleaningFeeCents())
                    .add(loft.bedrooms()).add(loft.maxGuests()).add(loft.active()).addTimestamp(loft.createdAt())
                    .addTimestamp(loft.updatedAt())
                    .end();
        }
    }
}
