package coach.core;

/** Where a message came from; groups and channels have admins and stricter etiquette. */
public enum ChatType {
    PRIVATE, GROUP, SUPERGROUP, CHANNEL;

    public boolean isGroupLike() {
        return this != PRIVATE;
    }
}
