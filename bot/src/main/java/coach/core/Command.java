package coach.core;

import java.util.List;

/**
 * One chat command, registered in a {@link CommandRegistry}. A feature declares its commands as values,
 * {@code Command.of("tip", "tip.desc", tips::tip)}, in its {@link Feature#commands()}; the description key
 * names a text in the feature's {@code i18n} bundles.
 */
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

    /** What a command does with its arguments (the text after its name, stripped). */
    @FunctionalInterface
    interface Handler {
        List<Reply> run(Context ctx, String args);
    }

    /** A listed command anyone may run, described by the text {@code descriptionKey}. */
    static Def of(String name, String descriptionKey, Handler handler) {
        return new Def(name, descriptionKey, Access.ANYONE, true, handler);
    }

    /**
     * A command as a value: its name, the key of its description, who may run it, whether /help lists it
     * and what it does.
     */
    record Def(String name, String descriptionKey, Access access, boolean listed, Handler handler) implements Command {
        public Def {
            if (!name.matches("[a-z0-9_]{1,32}")) {
                throw new IllegalArgumentException("a command name is 1-32 of a-z, 0-9, _: " + name);
            }
        }

        /** Only chat admins may run it in groups and channels. */
        public Def adminOnly() {
            return new Def(name, descriptionKey, Access.CHAT_ADMIN, listed, handler);
        }

        /** Run by buttons and routing only: /help and the menu leave it out. */
        public Def unlisted() {
            return new Def(name, descriptionKey, access, false, handler);
        }

        @Override
        public String description(coach.text.Lang lang) {
            return Texts.get(lang, descriptionKey);
        }

        @Override
        public List<Reply> run(Context ctx, String args) {
            return handler.run(ctx, args);
        }
    }
}
