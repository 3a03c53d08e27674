package io.envclone.testing.demo;

import java.sql.SQLException;
import java.util.SplittableRandom;

/** public.conversation_participants: the guest, the host and, when support stepped in, a manager. */
final class ParticipantsLoad extends TableLoad {

    ParticipantsLoad(DemoWorld world) {
        super(world, "public.conversation_participants",
                "conversation_id, user_id, role, joined_at, last_read_at");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        for (long id = 1; id <= world.conversations().size(); id++) {
            ConversationPlan.Conversation conversation = world.conversations().conversation(id);
            SplittableRandom random = RowRandom.of(world.seed(), RowRandom.Stream.PARTICIPANT, id);
            long joined = conversation.createdAt();
            add(row, id, conversation.guestId(), "guest", joined, random);
            add(row, id, conversation.hostId(), "host", joined, random);
            if (conversation.managerId() != null) {
                add(row, id, conversation.managerId(), "support", joined + DemoClock.HOUR, random);
            }
        }
    }

    private static void add(CopyRow row, long conversationId, long userId, String role, long joined,
            SplittableRandom random) throws SQLException {
        long lastRead = joined + RowRandom.between(random, 1, 14 * 24) * DemoClock.HOUR;
        row.add(conversationId).add(userId).add(role).addTimestamp(joined)
                .addTimestamp(RowRandom.chance(random, 0.85) && lastRead < DemoClock.NOW ? lastRead : null)
                .end();
    }
}
