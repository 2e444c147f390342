package coach.core;

/** Sessions belong to a user in a chat: the same user may drill in two chats without mixing them up. */
public record SessionKey(String chatId, String userId) {
    public static SessionKey of(Incoming in) {
        return new SessionKey(in.chatId(), in.userId());
    }
}
