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
            return matches(t.norm(), t.stem());
        }

        boolean matches(String norm, String stem) {
            return switch (how) {
                case '=' -> norm.equals(value);
                case '*' -> norm.startsWith(value);
                default -> stem.equals(value);
            };
        }

        String key() {
            return how == '*' ? null : value;
        }
    }

    /**
     * @param lang    the language code the cue belongs to ({@code ru}, {@code en}), null for any
     * @param phrase  the phrase as the file writes it
     * @param feature {@code cue=<class>}, what a hit adds
     */
    private record Cue(String lang, String cls, String phrase, Element[] elements, String feature) {
        Cue(String lang, String cls, String phrase, Element[] elements) {
            this(lang, cls, phrase, elements, "cue=" + cls);
        }
    }

    /**
     * One phrase found in a token list.
     *
     * @param cls    its class
     * @param phrase the phrase as its file writes it
     * @param from   index of its first token in the list
     * @param to     index after its last token
     */
    public record Found(String cls, String phrase, int from, int to) {
    }

    private final Map<String, List<Cue>> byFirst;
    /** The cues whose first element is a prefix, by the prefix's first letter (in file order within each). */
    private final Map<Character, List<Cue>> prefixFirst;
    /** Whether numbers and «%» count as words of a phrase («100 %»); the tone features see words only. */
    private final boolean numbers;

    private Cues(Map<String, List<Cue>> byFirst, List<Cue> prefixFirst, boolean numbers) {
        this.byFirst = byFirst;
        this.numbers = numbers;
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
        return parse(file, content, CLASSES, false);
    }

    /**
     * A phrase list in the syntax of the cue lexicon. With {@code withLang} each line starts with a language column
     * ({@code ru} or {@code en}) and numbers and «%» count as words of a phrase.
     */
    static Cues parse(String file, String content, Set<String> classes, boolean withLang) {
        Map<String, List<Cue>> byFirst = new HashMap<>();
        List<Cue> prefixFirst = new ArrayList<>();
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String lang = null;
            if (withLang) {
                int t0 = line.indexOf('\t');
                lang = t0 < 0 ? "" : line.substring(0, t0).strip();
                if (!lang.equals("ru") && !lang.equals("en")) {
                    throw new ContentException(file, lineNo, t0 < 0 ? "expected 'lang<TAB>class<TAB>phrase'" : "unknown language '" + lang + "' (allowed: ru, en)");
                }
                line = line.substring(t0 + 1);
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new ContentException(file, lineNo, withLang ? "expected 'lang<TAB>class<TAB>phrase'" : "expected 'class<TAB>phrase'");
            }
            String cls = line.substring(0, tab).strip();
            if (!CLASS.matcher(cls).matches() || !classes.contains(cls)) {
                throw new ContentException(file, lineNo, "unknown class '" + cls + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(classes)) + ")");
            }
            String phrase = line.substring(tab + 1).strip();
            List<Element> els = new ArrayList<>();
            for (String w : phrase.split("\\s+")) {
                if (w.isEmpty()) {
                    continue;
                }
                char how = w.startsWith("=") ? '=' : w.endsWith("*") ? '*' : 's';
                String bare = how == '=' ? w.substring(1) : how == '*' ? w.substring(0, w.length() - 1) : w;
                String norm = Normalizer.norm(bare);
                if (norm.isEmpty()) {
                    throw new ContentException(file, lineNo, "empty word in phrase");
                }
                els.add(new Element(how == 's' ? Stemmer.stem(norm) : norm, how));
            }
            if (els.isEmpty()) {
                throw new ContentException(file, lineNo, "the cue has no words");
            }
            Cue cue = new Cue(lang, cls, phrase, els.toArray(new Element[0]));
            String key = cue.elements()[0].key();
            if (key == null) {
                prefixFirst.add(cue);
            } else {
                byFirst.computeIfAbsent(key, k -> new ArrayList<>()).add(cue);
            }
        }
        return new Cues(byFirst, prefixFirst, withLang);
    }

    /** Adds {@code cue=<class>} for every cue found in the words of {@code tokens} (punctuation skipped). */
    void features(List<Token> tokens, List<String> out) {
        scan(tokens, null, (c, from, to) -> out.add(c.feature()));
    }

    /**
     * {@link #features(List, List)}, adding the same feature to {@code lead} for every cue that ends by token {@code leadTo}:
     * what the same call on {@code tokens.subList(0, leadTo)} would find.
     */
    void features(List<Token> tokens, List<String> out, int leadTo, java.util.Set<String> lead) {
        scan(tokens, null, (c, from, to) -> {
            out.add(c.feature());
            if (to <= leadTo) {
                lead.add(c.feature());
            }
        });
    }

    /** Every phrase of language {@code lang} (or of any language) in {@code tokens}, in text order of its first word. */
    public List<Found> find(List<Token> tokens, String lang) {
        List<Found> out = new ArrayList<>(0);
        scan(tokens, lang, (c, from, to) -> out.add(new Found(c.cls(), c.phrase(), from, to)));
        return out;
    }

    private interface Sink {
        void hit(Cue c, int from, int to);
    }

    private void scan(List<Token> tokens, String lang, Sink out) {
        Token[] words = new Token[tokens.size()];
        int[] at = new int[tokens.size()];
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isWord() || numbers && (t.kind() == Token.Kind.NUMBER || t.norm().equals("%"))) {
                words[n] = t;
                at[n++] = i;
            }
        }
        for (int i = 0; i < n; i++) {
            // the cues whose first element takes this word, in the order they are tried (by form, by stem, by prefix)
            for (Cue c : words[i].word().get(starting)) {
                if (lang != null && c.lang() != null && !c.lang().equals(lang)) {
                    continue;
                }
                Element[] els = c.elements();
                if (i + els.length > n) {
                    continue;
                }
                boolean ok = true;
                for (int k = 1; k < els.length && ok; k++) {
                    ok = els[k].matches(words[i + k]);
                }
                if (ok) {
                    out.hit(c, at[i], at[i + els.length - 1] + 1);
                }
            }
        }
    }

    /** Per word form, the cues whose first element takes it: by its form, by its stem, then by a prefix, each in file order. */
    private final coach.text.Word.Derived<Cue[]> starting = new coach.text.Word.Derived<>(this::startingWith);

    private Cue[] startingWith(coach.text.Word w) {
        List<Cue> out = new ArrayList<>(0);
        addTaking(byFirst.get(w.norm()), w, out);
        addTaking(w.stem().equals(w.norm()) ? null : byFirst.get(w.stem()), w, out);
        if (!prefixFirst.isEmpty() && !w.norm().isEmpty()) {
            addTaking(prefixFirst.get(w.norm().charAt(0)), w, out);
        }
        return out.toArray(new Cue[0]);
    }

    private static void addTaking(List<Cue> cues, coach.text.Word w, List<Cue> out) {
        if (cues == null) {
            return;
        }
        for (Cue c : cues) {
            if (c.elements()[0].matches(w.norm(), w.stem())) {
                out.add(c);
            }
        }
    }
}
