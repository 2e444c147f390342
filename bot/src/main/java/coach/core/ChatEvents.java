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

    ChatEvents NONE = new ChatEvents() {
    };
}
