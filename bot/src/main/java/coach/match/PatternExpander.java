package coach.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The first stage of the pattern language: a source with {@code {a b|c}} groups of several-token alternatives
 * becomes plain pattern sources, one per combination. {@link PatternCompiler} compiles each; {@link TokenPattern}
 * matches.
 */
final class PatternExpander {
    static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile("=?(?:\\p{L}+(?:['’-]\\p{L}+)+|['’]\\p{L}+)\\??");
    static final java.util.regex.Pattern GAP = java.util.regex.Pattern.compile("\\.\\.[0-9]{1,2}");
    /** At most this many patterns come out of one source with {@code {a b|c}} groups. */
    static final int MAX_EXPANSION = 64;

    private PatternExpander() {
    }

    /**
     * Expands {@code {a b|c|d e f}} groups (alternatives of several tokens each; {@code {...}?} when
     * the group may be missing) into plain pattern sources, one per combination:
     * {@code "{that's|this is} not"} gives {@code "that's not"} and {@code "this is not"}. A source
     * without groups comes back as it is.
     */
    public static List<String> expand(String source) {
        if (source.indexOf('{') < 0 && source.indexOf('}') < 0) {
            return List.of(source.strip());
        }
        List<String> out = new ArrayList<>();
        out.add(source);
        while (true) {
            List<String> next = new ArrayList<>();
            boolean any = false;
            for (String s : out) {
                Group m = Group.find(s);
                if (m == null) {
                    next.add(s);
                    continue;
                }
                any = true;
                // single plain tokens fold into one alternation element; phrases and compounds each get a pattern
                List<String> singles = new ArrayList<>();
                List<String> phrases = new ArrayList<>();
                for (String alt : m.group(1).split("\\|", -1)) {
                    String a = alt.strip();
                    if (a.isEmpty()) {
                        throw new IllegalArgumentException("empty alternative in group '" + m.group() + "' of pattern '" + source + "'");
                    }
                    if (a.contains(" ") || COMPOUND.matcher(a).matches() || a.endsWith("?") || a.startsWith("!")) {
                        phrases.add(a);
                    } else {
                        singles.add(a);
                    }
                }
                if (!singles.isEmpty()) {
                    phrases.add(0, String.join("|", singles) + (m.group(2).isEmpty() ? "" : "?"));
                } else if (!m.group(2).isEmpty()) {
                    phrases.add(NOTHING);
                }
                for (String alt : phrases) {
                    next.add(s.substring(0, m.start()) + " " + alt + " " + s.substring(m.end()));
                }
            }
            if (next.size() > MAX_EXPANSION) {
                throw new IllegalArgumentException("pattern '" + source + "' expands to more than " + MAX_EXPANSION + " patterns");
            }
            out = next;
            if (!any) {
                break;
            }
        }
        List<String> clean = new ArrayList<>();
        for (String s : out) {
            if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
                throw new IllegalArgumentException("unbalanced '{' or '}' in pattern '" + source + "'");
            }
            clean.add(dropNothing(words(s)));
        }
        return clean;
    }

    /**
     * The leftmost innermost group of a source, as the expression {@code \{([^{}]*)\}(\??)} finds it, found by
     * scanning (start-up expands thousands of sources, each once per group).
     */
    private record Group(String s, int start, int close, int end) {
        static Group find(String s) {
            int open = -1;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{') {
                    open = i;
                } else if (c == '}' && open >= 0) {
                    int end = i + 1 < s.length() && s.charAt(i + 1) == '?' ? i + 2 : i + 1;
                    return new Group(s, open, i, end);
                }
            }
            return null;
        }

        String group() {
            return s.substring(start, end);
        }

        /** 1: the alternatives between the braces; 2: "?" or "". */
        String group(int g) {
            return g == 1 ? s.substring(start + 1, close) : s.substring(close + 1, end);
        }
    }

    /** The whitespace-separated words of a pattern source (no regular expression: rule sets compile thousands of patterns at start-up). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.add(s.substring(i, j));
            }
            i = j;
        }
        return out;
    }

    /** Stands for the missing alternative of an optional group until the gap next to it is tidied away. */
    private static final String NOTHING = "\u0000";

    /** Removes the placeholder of a missing optional group and a gap it leaves at an edge of the pattern or the marks. */
    private static String dropNothing(List<String> raw) {
        List<String> t = new ArrayList<>(raw);
        int i;
        while ((i = t.indexOf(NOTHING)) >= 0) {
            t.remove(i);
            boolean atStart = i == 0 || t.get(i - 1).equals("<");
            boolean atEnd = i == t.size() || t.get(i).equals(">");
            if (atStart && i < t.size() && GAP.matcher(t.get(i)).matches()) {
                t.remove(i);
            } else if (atEnd && i > 0 && GAP.matcher(t.get(i - 1)).matches()) {
                t.remove(i - 1);
            }
        }
        return String.join(" ", t);
    }

}
