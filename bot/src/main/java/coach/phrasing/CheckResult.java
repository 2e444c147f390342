package coach.phrasing;

import coach.text.Lang;
import java.util.List;

/**
 * What the phrasing coach found in a text.
 *
 * @param text        the checked text
 * @param lang        its language (by script)
 * @param findings    risky fragments, in text order, not overlapping
 * @param suggestions up to three polite versions of the whole text, each checking clean and fixing every finding
 *                    ("sendable or nothing"); empty when the text is clean or when some sentence must be rephrased by hand
 * @param partial     when some sentence cannot be rewritten safely: versions that fix the other sentences and leave
 *                    that one as it was (not sendable as they stand; the report shows them as a head start); also the
 *                    versions withheld because another sentence they leave as it was may still sound risky
 * @param doubtful    sentences no finding covers that the tone model still suspects («да успеет, всегда успевают»):
 *                    a version that leaves them as they were is not offered (it goes to {@code partial}); with
 *                    {@code kept}, the sentence of the withheld version that keeps it
 * @param kept        what the withheld first version kept that no sendable text holds (a phrase of
 *                    {@code tone/residual.tsv} such as «и точка», a chat emoji, «!!»); null otherwise
 */
public record CheckResult(String text, Lang lang, List<Finding> findings, List<String> suggestions, List<String> partial,
        List<String> doubtful, String kept) {

    public CheckResult(String text, Lang lang, List<Finding> findings, List<String> suggestions, List<String> partial,
            List<String> doubtful) {
        this(text, lang, findings, suggestions, partial, doubtful, null);
    }

    public CheckResult(String text, Lang lang, List<Finding> findings, List<String> suggestions) {
        this(text, lang, findings, suggestions, List.of(), List.of());
    }

    public CheckResult(String text, Lang lang, List<Finding> findings, List<String> suggestions, List<String> partial) {
        this(text, lang, findings, suggestions, partial, List.of());
    }

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
