package coach.drill;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scenario text with {@code {{variable}}} placeholders filled per run (client name, order number, product…). */
final class Template {
    private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9_]*)\\s*}}");

    private Template() {
    }

    /** Names used in {@code text}; a stray "{{" or "}}" that is not a placeholder is an error message in the result's absence. */
    static Set<String> names(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = VAR.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Whether {@code text} has braces that are not a well-formed placeholder. */
    static boolean hasStrayBraces(String text) {
        String rest = VAR.matcher(text).replaceAll("");
        return rest.contains("{{") || rest.contains("}}");
    }

    static String fill(String text, Map<String, String> values) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = VAR.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(b);
        return b.toString();
    }
}
