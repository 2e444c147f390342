package coach.core;

/**
 * Membership changes a transport observes (Telegram's my_chat_member, a 403 on send). Features that
 * keep per-chat state (subscriptions) listen to them.
 */
public interface ChatEvents {
    /** The bot joined a chat or its rights changed; {@code canPost} tells whether it may post there now. */
    default void botJoined(String chatId, ChatType type, boolean canPost) {
    }

    /** The bot was removed, blocked or kicked: stop sending there. */
    default void botRemoved(String chatId) {
    }

    /**
     * A group became a supergroup and has a new chat id (Telegram's migrate_to_chat_id): what was kept
     * for the old id (subscriptions, conversations) moves to the new one.
     */
    default void chatMigrated(String fromChatId, String toChatId) {
    }

    /**
     * A user wrote in a group or channel the bot sees ({@code displayName} is how the transport names
     * them): features that need to know a group's members (the team view) record it.
     */
    default void memberSeen(String chatId, String userId, String displayName) {
    }

    /** A user left a group (or was removed from it). */
    default void memberLeft(String chatId, String userId) {
    }

    /** Every listener, in order; one that throws does not keep the others from hearing it (the first failure is rethrown after). */
    static ChatEvents all(ChatEvents... listeners) {
        return new ChatEvents() {
            private void each(java.util.function.Consumer<ChatEvents> event) {
                RuntimeException first = null;
                for (ChatEvents l : listeners) {
                    try {
                        event.accept(l);
                    } catch (RuntimeException e) {
                        if (first == null) {
                            first = e;
                        } else {
                            first.addSuppressed(e);
                        }
                    }
                }
                if (first != null) {
                    throw first;
                }
            }

            @Override
            public void botJoined(String chatId, ChatType type, boolean canPost) {
                each(l -> l.botJoined(chatId, type, canPost));
            }

            @Override
            public void botRemoved(String chatId) {
                each(l -> l.botRemoved(chatId));
            }

            @Override
            public void chatMigrated(String fromChatId, String toChatId) {
                each(l -> l.chatMigrated(fromChatId, toChatId));
            }

            @Override
            public void memberSeen(String chatId, String userId, String displayName) {
                each(l -> l.memberSeen(chatId, userId, displayName));
            }

            @Override
            public void memberLeft(String chatId, String userId) {
                each(l -> l.memberLeft(chatId, userId));
            }
        };
    }

    ChatEvents NONE = new ChatEvents() {
    };
}
