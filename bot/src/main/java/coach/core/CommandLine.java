package coach.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed command: {@code /name@bot args}. Parsing is our own (from the text), not the transport's,
 * so a transport's entity quirks cannot hide a command.
 */
public record CommandLine(String name, String botName, String args) {
    private static final Pattern CMD = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+([\\s\\S]*))?$");

    public static Optional<CommandLine> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (!t.startsWith("/")) {
            return Optional.empty();
        }
        Matcher m = CMD.matcher(t);
        if (!m.matches()) {
            // "/" followed by something that is not a command name: treat as a command nobody knows.
            String word = t.split("\\s+", 2)[0];
            String rest = t.length() > word.length() ? t.substring(word.length()).strip() : "";
            return Optional.of(new CommandLine(word.substring(1).toLowerCase(Locale.ROOT), null, rest));
        }
        String args = m.group(3) == null ? "" : m.group(3).strip();
        return Optional.of(new CommandLine(m.group(1).toLowerCase(Locale.ROOT), m.group(2), args));
    }

    public boolean hasArgs() {
        return !args.isEmpty();
    }
}
