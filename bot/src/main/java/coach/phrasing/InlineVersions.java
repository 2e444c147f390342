package coach.phrasing;

import coach.core.InlineAnswers;
import coach.core.Rich;
import coach.core.Texts;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;

/**
 * Inline mode of the phrasing coach: the engine's polite versions of the whole draft, up to {@value #MAX}
 * answers, each ready to send as it is; a draft with nothing risky comes back as one answer marked as fine;
 * one that cannot be rewritten safely says what is risky instead.
 */
public final class InlineVersions implements InlineAnswers {
    public static final int MAX = 3;

    private final PhrasingEngine phrasing;

    public InlineVersions(PhrasingEngine phrasing) {
        this.phrasing = phrasing;
    }

    @Override
    public List<Answer> answer(String query, Lang lang) {
        CheckResult r = phrasing.check(query);
        List<Answer> out = new ArrayList<>();
        if (!r.risky()) {
            out.add(new Answer(Texts.get(lang, "telegram.inline.fine"), query, Rich.of(query)));
            return out;
        }
        String why = r.findings().isEmpty() ? "" : r.findings().get(0).fragment();
        // only versions that fix everything go out as ready to send
        for (String suggestion : r.complete() ? r.suggestions() : List.<String>of()) {
            out.add(new Answer(Texts.get(lang, "telegram.inline.polite", "n", out.size() + 1), suggestion, Rich.of(suggestion)));
            if (out.size() == MAX) {
                break;
            }
        }
        if (out.isEmpty()) {
            // Nothing could be rewritten safely: say what is risky instead of offering the draft as fine.
            out.add(new Answer(Texts.get(lang, "telegram.inline.risky", "fragment", coach.text.OneLine.cut(why, 60)),
                    r.findings().get(0).why(), Rich.of(query)));
        }
        return out;
    }
}
