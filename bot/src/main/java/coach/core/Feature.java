package coach.core;

import java.util.List;

/**
 * One feature of the coach (drills, quiz, tips, materials, search, progress, …) as the composition root sees
 * it: the same small surface for each. The root registers every feature's commands and session handlers with
 * the core and hands the transports every feature's chat-event listener; nothing else of a feature is wired by
 * hand. To add a command, add a {@link Command#of} value to its feature's {@link #commands()}.
 */
public interface Feature {
    /** The commands, in the order /help and the command menu list them. */
    List<Command> commands();

    /** The state machines of the feature's multi-step conversations (and passive sessions). */
    default List<SessionHandler> sessions() {
        return List.of();
    }

    /** What the feature wants to hear from a transport about chats (a removed bot, a member seen), or {@link ChatEvents#NONE}. */
    default ChatEvents chatEvents() {
        return ChatEvents.NONE;
    }

    /** A feature of just these commands. */
    static Feature of(List<? extends Command> commands) {
        List<Command> cs = List.copyOf(commands);
        return () -> cs;
    }
}
