package coach.app;

import coach.core.Context;
import coach.core.FreeTextRouter;
import coach.text.Normalizer;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Free-text routing: a text the phrasing engine finds risky is a draft (so "Какая вам разница?" gets
 * a report, not a search); otherwise a question goes to /ask and anything else is a draft for /check.
 * A question is a text ending with "?", starting with a question word, or a short phrase (up to
 * {@value #SHORT_WORDS} words) without sentence punctuation, like a search box query.
 */
public final class QuestionOrDraftRouter implements FreeTextRouter {
    static final int SHORT_WORDS = 6;
    private static final Set<String> QUESTION_WORDS = Set.of(
            "как", "что", "чем", "где", "когда", "почему", "зачем", "какой", "какая", "какое", "какие", "каким", "какими",
            "каких", "какую", "сколько", "кто", "куда", "откуда", "можно", "нужно", "стоит", "ли", "правда",
            "how", "what", "when", "where", "why", "which", "who", "should", "can", "could", "do", "does", "is", "are");

    private final Predicate<String> risky;
    private final boolean hasCheck;

    /**
     * @param risky    whether the phrasing engine flags a text (null when there is no phrasing engine)
     */
    public QuestionOrDraftRouter(Predicate<String> risky) {
        this.risky = risky;
        this.hasCheck = risky != null;
    }

    @Override
    public String commandFor(Context ctx, String text) {
        if (!hasCheck) {
            return "ask";
        }
        if (risky.test(text)) {
            return "check";
        }
        return isQuestion(text) ? "ask" : "check";
    }

    public static boolean isQuestion(String text) {
        String t = text.strip();
        if (t.endsWith("?")) {
            return true;
        }
        String norm = Normalizer.norm(t);
        String[] words = norm.split("[^\\p{L}\\p{N}-]+");
        int first = 0;
        while (first < words.length && words[first].isEmpty()) {
            first++;
        }
        if (first < words.length && QUESTION_WORDS.contains(words[first])) {
            return true;
        }
        long count = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).count();
        boolean sentence = t.matches("(?s).*[.!;:,—–].*");
        return count <= SHORT_WORDS && !sentence;
    }
}
