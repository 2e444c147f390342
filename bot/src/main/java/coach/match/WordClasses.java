package coach.match;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named word classes for {@link TokenPattern} sources, so a content file can define a list of
 * alternatives once ({@code remedy: "замен*|передел*|скидк*"}) and use it in many patterns and
 * exceptions as {@code @remedy}: {@code "не ..1 можем ..3 @remedy"}, {@code "@remedy|бесплатн*"}, {@code "@remedy?"}.
 * Expansion is textual and happens before compiling; a class body is alternatives of one element.
 */
public final class WordClasses {
    private static final Pattern REF = Pattern.compile("@([a-z][a-z0-9_]*)");
    private static final Pattern BODY = Pattern.compile("[^\\s?!@][^\\s@]*");

    private WordClasses() {
    }

    /** Checks that a class body is one pattern element of alternatives (no spaces, gaps, '?' or '!'). */
    public static void validate(String name, String body) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("word class name '" + name + "' must be lower-case latin letters, digits and '_'");
        }
        if (body == null || !BODY.matcher(body.strip()).matches() || body.strip().endsWith("?") || body.contains("||")
                || body.strip().endsWith("|")) {
            throw new IllegalArgumentException("word class '" + name + "' must be alternatives like a|b*|=c without spaces, '?', '!' or '@'");
        }
    }

    /** Replaces every {@code @name} in {@code source} with its class body; an unknown name is an error. */
    public static String expand(String source, Map<String, String> classes) {
        if (source.indexOf('@') < 0) {
            return source;
        }
        Matcher m = REF.matcher(source);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String body = classes.get(m.group(1));
            if (body == null) {
                throw new IllegalArgumentException("unknown word class @" + m.group(1) + " in '" + source + "'");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(body.strip()));
        }
        m.appendTail(b);
        if (b.indexOf("@") >= 0) {
            throw new IllegalArgumentException("malformed word class reference in '" + source + "'");
        }
        return b.toString();
    }
}
