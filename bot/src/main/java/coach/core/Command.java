package coach.core;

import java.util.List;

/** One chat command; one class each, registered in a {@link CommandRegistry}. */
public interface Command {
    /** The name without the slash, lower case. */
    String name();

    /** Who may run it. */
    default Access access() {
        return Access.ANYONE;
    }

    /** Short description for /help and the Bot API command menu. */
    String description(coach.text.Lang lang);

    /** Whether /help and the command menu list it. */
    default boolean listed() {
        return true;
    }

    List<Reply> run(Context ctx, String args);
}
