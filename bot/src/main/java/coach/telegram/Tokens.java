package coach.telegram;

import java.util.regex.Pattern;

/**
 * The bot token is a secret: it is validated once and never printed. Anything we log that might
 * carry it (exception messages, URLs) goes through {@link #mask(String)} first.
 */
final class Tokens {
    /** The shape BotFather hands out: the bot id, a colon and at least 30 url-safe characters. */
    static final Pattern VALID = Pattern.compile("^\\d+:[A-Za-z0-9_-]{30,}$");
    /** Anything that looks like a token inside a longer text (a URL path segment, a message). */
    private static final Pattern ANYWHERE = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{30,}");

    private Tokens() {
    }

    static boolean valid(String token) {
        return token != null && VALID.matcher(token).matches();
    }

    /** The text with every token-shaped part replaced by {@code <token>}. */
    static String mask(String text) {
        if (text == null) {
            return "";
        }
        return ANYWHERE.matcher(text).replaceAll("<token>");
    }

    /** A throwable's class and masked message, and those of its causes, for a one-line log entry. */
    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 4; c = c.getCause(), depth++) {
            if (depth > 0) {
                b.append(" <- ");
            }
            b.append(c.getClass().getSimpleName());
            if (c.getMessage() != null) {
                b.append(": ").append(mask(c.getMessage()));
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return b.toString();
    }
}
