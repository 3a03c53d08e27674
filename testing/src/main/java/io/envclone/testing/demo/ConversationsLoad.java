package io.envclone.testing.demo;

import java.sql.SQLException;

/** public.conversations. */
final class ConversationsLoad implements TableLoad {

    private final DemoWorld world;

    ConversationsLoad(DemoWorld world) {
        this.world = world;
    }

    @Override
    public String table() {
        return "public.conversations";
    }

    @Override
    public String columns() {
        return "id, reservation_id, subject, created_at";
    }

    @Override
    public void write(CopyRow row) throws SQLException {
        for (long id = 1; id <= world.conversations().size(); id++) {
            ConversationPlan.Conversation conversation = world.conversations().conversation(id);
            row.add(id).add(conversation.reservationId()).add(conversation.subject())
                    .addTimestamp(conversation.createdAt())
                    .end();
        }
    }
}
