package io.envclone.testing.demo;

import java.sql.SQLException;

/** public.users: staff first, then customers in sign-up order. */
final class UsersLoad extends TableLoad {

    UsersLoad(DemoWorld world) {
        super(world, "public.users",
                "id, email, full_name, first_name, last_name, phone, national_id, birth_date, address, city, "
                + "postal_code, iban, role, manager_id, created_at, updated_at, deleted_at");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        for (long id = 1; id <= world.users().size(); id++) {
            UserDirectory.User user = world.users().user(id);
            UserDirectory.Contact contact = user.contact();
            row.add(id).add(contact.email()).add(contact.fullName()).add(contact.firstName()).add(user.lastName())
                    .add(contact.phone()).add(user.nationalId()).addDate(user.birthDay()).add(user.address())
                    .add(user.city().name()).add(user.city().postalCode()).add(user.iban()).add(user.role().sql())
                    .add(user.managerId()).addTimestamp(user.createdAt()).addTimestamp(user.updatedAt())
                    .addTimestamp(user.deletedAt())
                    .end();
        }
    }
}
