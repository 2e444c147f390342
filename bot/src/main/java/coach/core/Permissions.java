package coach.core;

/** What the transport knows about who may do what in a chat. The console grants everything. */
public interface Permissions {
    boolean isChatAdmin(String chatId, String userId);

    /** Whether the bot itself may post in the chat (in a channel it must be an admin allowed to post). */
    default boolean botCanPost(String chatId) {
        return true;
    }

    Permissions ALL = (chat, user) -> true;
}
