package coach.phrasing;

import coach.text.Lang;
import java.util.List;

/**
 * What the phrasing coach found in a text.
 *
 * @param text        the checked text
 * @param lang        its language (by script)
 * @param findings    risky fragments, in text order, not overlapping
 * @param suggestions up to three polite versions of the whole text, each checking clean; empty when
 *                    the text is clean (or, rarely, when no safe rewrite exists)
 */
public record CheckResult(String text, Lang lang, List<Finding> findings, List<String> suggestions) {

    public boolean risky() {
        return !findings.isEmpty();
    }

    /** Whether the first suggestion fixes every finding (no sentence is left to rephrase by hand). */
    public boolean complete() {
        if (suggestions.isEmpty()) {
            return false;
        }
        for (Finding f : findings) {
            if (!f.rewritable()) {
                return false;
            }
        }
        return true;
    }
}
