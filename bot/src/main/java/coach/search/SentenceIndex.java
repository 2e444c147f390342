package coach.search;

import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document's text split into sentences once (on first use), with each word's stem and offsets.
 * At query time the best sentence is the one that contains the most distinct query stems, and
 * the matching words are its highlights: the same stems the Lucene analysis chain produces, at a
 * fraction of a general-purpose highlighter's cost per query.
 */
final class SentenceIndex {
    private record Word(int start, int end, String stem) {
    }

    private record Sentence(String text, List<Word> words) {
    }

    private final List<Sentence> sentences;

    private SentenceIndex(List<Sentence> sentences) {
        this.sentences = sentences;
    }

    /** A sentence ends at . ! ? or … (possibly followed by a closing quote or bracket) and white space, or at a line break. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…]|[.!?…][»\"”)])\\s+|\\n+");

    static SentenceIndex of(String text) {
        List<Sentence> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : split(text)) {
                String sentence = part.strip();
                if (sentence.isEmpty()) {
                    continue;
                }
                List<Word> words = new ArrayList<>();
                for (Token t : TextAnalyzer.analyze(sentence)) {
                    if (t.kind() != Token.Kind.PUNCT) {
                        words.add(new Word(t.start(), t.end(), t.stem()));
                    }
                }
                out.add(new Sentence(sentence, List.copyOf(words)));
            }
        }
        return new SentenceIndex(List.copyOf(out));
    }

    /** Sentences at . ! ? … plus white space or a line break, never inside a «quote» or "quote" nor before a lower-case word. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = SENTENCE_END.matcher(text);
        int from = 0;
        while (m.find()) {
            String head = text.substring(from, m.start());
            boolean lowerNext = m.end() < text.length() && Character.isLowerCase(text.charAt(m.end()));
            if (m.group().indexOf('\n') < 0 && (insideQuote(head) || lowerNext)) {
                continue;
            }
            out.add(head);
            from = m.end();
        }
        out.add(text.substring(from));
        return out;
    }

    private static boolean insideQuote(String s) {
        int guillemets = 0;
        int straight = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '«' || c == '“') {
                guillemets++;
            } else if ((c == '»' || c == '”') && guillemets > 0) {
                guillemets--;
            } else if (c == '"') {
                straight++;
            }
        }
        return guillemets > 0 || straight % 2 == 1;
    }

    /** The sentence with the most distinct query stems (the first one on a tie or without matches). */
    Snippet best(Set<String> queryStems) {
        if (sentences.isEmpty()) {
            return Snippet.plain("");
        }
        Sentence best = sentences.get(0);
        int bestScore = 0;
        for (Sentence s : sentences) {
            int score = (int) s.words().stream().map(Word::stem).filter(queryStems::contains).distinct().count();
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        List<Snippet.Span> spans = new ArrayList<>();
        for (Word w : best.words()) {
            if (queryStems.contains(w.stem())) {
                spans.add(new Snippet.Span(w.start(), w.end()));
            }
        }
        return new Snippet(best.text(), List.copyOf(spans));
    }
}
