package coach.tone;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.text.Normalizer;
import coach.text.Stemmer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cue lexicon of {@code knowledge-base/tone/cues.tsv}: short words and phrases that signal a
 * tone (threat, urgency, slang, sarcasm, reproach, …). The classifier sees each hit as a feature;
 * it learns from the corpus what a cue means next to other words. Immutable and thread-safe.
 */
public final class Cues {
    public static final String FILE = "tone/cues.tsv";
    static final Set<String> CLASSES = Set.of("threat", "urgency", "slang", "sarcasm", "reproach", "dismissive", "command", "promise", "insult", "polite", "hedge", "apology");
    private static final Pattern CLASS = Pattern.compile("[a-z]+");

    /** One element of a cue: a stem, an exact form or a prefix. */
    private record Element(String value, char how) {
        boolean matches(Token t) {
            return switch (how) {
                case '=' -> t.norm().equals(value);
                case '*' -> t.norm().startsWith(value);
                default -> t.stem().equals(value);
            };
        }

        String key() {
            return how == '*' ? null : value;
        }
    }

    /** @param feature {@code cue=<class>}, what a hit adds */
    private record Cue(String cls, Element[] elements, String feature) {
        Cue(String cls, Element[] elements) {
            this(cls, elements, "cue=" + cls);
        }
    }

    private final Map<String, List<Cue>> byFirst;
    /** The cues whose first element is a prefix, by the prefix's first letter (in file order within each). */
    private final Map<Character, List<Cue>> prefixFirst;

    private Cues(Map<String, List<Cue>> byFirst, List<Cue> prefixFirst) {
        this.byFirst = byFirst;
        Map<Character, List<Cue>> byChar = new HashMap<>();
        for (Cue c : prefixFirst) {
            byChar.computeIfAbsent(c.elements()[0].value().charAt(0), k -> new ArrayList<>()).add(c);
        }
        this.prefixFirst = byChar;
    }

    public static Cues load(ContentSource source) {
        return parse(FILE, source.read(FILE));
    }

    static Cues parse(String file, String content) {
        Map<String, List<Cue>> byFirst = new HashMap<>();
        List<Cue> prefixFirst = new ArrayList<>();
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new ContentException(file, lineNo, "expected 'class<TAB>phrase'");
            }
            String cls = line.substring(0, tab).strip();
            if (!CLASS.matcher(cls).matches() || !CLASSES.contains(cls)) {
                throw new ContentException(file, lineNo, "unknown cue class '" + cls + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(CLASSES)) + ")");
            }
            List<Element> els = new ArrayList<>();
            for (String w : line.substring(tab + 1).strip().split("\\s+")) {
                if (w.isEmpty()) {
                    continue;
                }
                char how = w.startsWith("=") ? '=' : w.endsWith("*") ? '*' : 's';
                String bare = how == '=' ? w.substring(1) : how == '*' ? w.substring(0, w.length() - 1) : w;
                String norm = Normalizer.norm(bare);
                if (norm.isEmpty()) {
                    throw new ContentException(file, lineNo, "empty word in cue");
                }
                els.add(new Element(how == 's' ? Stemmer.stem(norm) : norm, how));
            }
            if (els.isEmpty()) {
                throw new ContentException(file, lineNo, "the cue has no words");
            }
            Cue cue = new Cue(cls, els.toArray(new Element[0]));
            String key = cue.elements()[0].key();
            if (key == null) {
                prefixFirst.add(cue);
            } else {
                byFirst.computeIfAbsent(key, k -> new ArrayList<>()).add(cue);
            }
        }
        return new Cues(byFirst, prefixFirst);
    }

    /** Adds {@code cue=<class>} for every cue found in the words of {@code tokens} (punctuation skipped). */
    void features(List<Token> tokens, List<String> out) {
        List<Token> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.isWord()) {
                words.add(t);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            Token t = words.get(i);
            List<Cue> c1 = byFirst.get(t.norm());
            List<Cue> c2 = t.stem().equals(t.norm()) ? null : byFirst.get(t.stem());
            check(c1, words, i, out);
            check(c2, words, i, out);
            if (!prefixFirst.isEmpty() && !t.norm().isEmpty()) {
                // a prefix cue can only match a word with its first letter
                check(prefixFirst.get(t.norm().charAt(0)), words, i, out);
            }
        }
    }

    private static void check(List<Cue> cues, List<Token> words, int at, List<String> out) {
        if (cues == null) {
            return;
        }
        for (Cue c : cues) {
            Element[] els = c.elements();
            if (at + els.length > words.size()) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < els.length && ok; k++) {
                ok = els[k].matches(words.get(at + k));
            }
            if (ok) {
                out.add(c.feature());
            }
        }
    }
}
