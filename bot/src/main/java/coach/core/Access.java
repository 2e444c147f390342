package coach.core;

/** Who may run a command; declared by the command itself, checked by the core before it runs. */
public enum Access {
    /** Anyone, anywhere. */
    ANYONE,
    /** In groups and channels only the chat's creator or administrators; anyone in a private chat. */
    CHAT_ADMIN
}
