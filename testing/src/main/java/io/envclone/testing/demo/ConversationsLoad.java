package io.envclone.testing.demo;

import java.sql.SQLException;

/** public.conversations. */
final class ConversationsLoad extends TableLoad {

    ConversationsLoad(DemoWorld world) {
        super(world, "public.conversations",
                "id, reservation_id, subject, created_at");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        for (long id = 1; id <= world.conversations().size(); id++) {
            ConversationPlan.Conversation conversation = world.conversations().conversation(id);
            row.add(id).add(conversation.reservationId()).add(conversation.subject())
                    .addTimestamp(conversation.createdAt())
                    .end();
        }
    }
}
