package coach.core;

/** What the transport knows about who may do what in a chat. The console grants everything. */
public interface Permissions {
    boolean isChatAdmin(String chatId, String userId);

    Permissions ALL = (chat, user) -> true;
}
