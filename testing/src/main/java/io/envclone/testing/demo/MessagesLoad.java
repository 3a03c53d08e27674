package io.envclone.testing.demo;

import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * public.messages: a few messages per conversation, the guest writing first, then replies
 * minutes to days apart. Conversations still open at "today" stop there.
 */
final class MessagesLoad extends TableLoad {

    MessagesLoad(DemoWorld world) {
        super(world, "public.messages",
                "id, conversation_id, sender_id, body, sent_at");
    }

    @Override
    void write(CopyRow row) throws SQLException {
        double perConversation = (double) world.plan().messages() / world.conversations().size();
        UserDirectory users = world.users();
        long id = 0;
        for (long conversationId = 1; conversationId <= world.conversations().size(); conversationId++) {
            ConversationPlan.Conversation conversation = world.conversations().conversation(conversationId);
            SplittableRandom random = RowRandom.of(world.seed(), RowRandom.Stream.MESSAGE, conversationId);
            MessageTexts.Scene scene = new MessageTexts.Scene(conversation, users.contact(conversation.guestId()),
                    users.contact(conversation.hostId()),
                    conversation.managerId() == null ? null : users.contact(conversation.managerId()),
                    users.contact(users.customerAt(DemoClock.NOW, random)), users);
            int count = (int) Math.max(1, Math.round(perConversation * (0.3 + 1.4 * random.nextDouble())));
            long sentAt = conversation.createdAt();
            MessageTexts.Author author = MessageTexts.Author.GUEST;
            for (int i = 0; i < count && sentAt < DemoClock.NOW; i++) {
                String body = MessageTexts.body(scene, author, i == 0, random);
                long senderId = switch (author) {
                    case GUEST -> conversation.guestId();
                    case HOST -> conversation.hostId();
                    case SUPPORT -> conversation.managerId();
                };
                row.add(++id).add(conversationId).add(senderId).add(body).addTimestamp(sentAt).end();
                author = next(author, conversation.managerId() != null, random);
                sentAt += replyDelay(random);
            }
        }
    }

    /** Mostly turn-taking between guest and host; support joins escalated conversations. */
    private static MessageTexts.Author next(MessageTexts.Author previous, boolean withSupport,
            SplittableRandom random) {
        if (withSupport && RowRandom.chance(random, 0.3)) {
            return MessageTexts.Author.SUPPORT;
        }
        if (RowRandom.chance(random, 0.2)) {
            return previous == MessageTexts.Author.SUPPORT ? MessageTexts.Author.GUEST : previous;
        }
        return previous == MessageTexts.Author.GUEST ? MessageTexts.Author.HOST : MessageTexts.Author.GUEST;
    }

    private static long replyDelay(SplittableRandom random) {
        double draw = random.nextDouble();
        if (draw < 0.6) {
            return RowRandom.between(random, 1, 90) * 60L;
        }
        if (draw < 0.9) {
            return RowRandom.between(random, 2, 24) * DemoClock.HOUR;
        }
        return RowRandom.between(random, 1, 10) * DemoClock.DAY;
    }
}
