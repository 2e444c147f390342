package coach.telegram;

import coach.core.Rich;
import coach.core.Texts;
import coach.phrasing.CheckResult;
import coach.phrasing.PhrasingEngine;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers to inline queries ({@code @bot <draft>} in any chat): the phrasing engine's polite
 * versions of the whole draft, up to {@value #MAX} articles, each ready to send as it is; a draft
 * with nothing risky comes back as one article marked as fine.
 */
final class InlineAnswers {
    static final int MAX = 3;
    /** Inline queries are at most 256 characters; anything longer is not from Telegram. */
    static final int MAX_QUERY = 512;

    record Article(String title, String description, Rich text) {
    }

    private final PhrasingEngine phrasing;

    InlineAnswers(PhrasingEngine phrasing) {
        this.phrasing = phrasing;
    }

    List<Article> answer(String query, Lang lang, String userId) {
        String q = query == null ? "" : HtmlRenderer.sanitize(query).strip();
        if (q.isEmpty() || q.length() > MAX_QUERY) {
            return List.of();
        }
        CheckResult r = phrasing.check(q);
        List<Article> out = new ArrayList<>();
        if (!r.risky()) {
            out.add(new Article(Texts.get(lang, "telegram.inline.fine"), HtmlRenderer.shortPlain(q, 120), Rich.of(q)));
            return out;
        }
        String why = r.findings().isEmpty() ? "" : r.findings().get(0).fragment();
        // only versions that fix everything go out as ready to send
        for (String suggestion : r.complete() ? r.suggestions() : List.<String>of()) {
            out.add(new Article(Texts.get(lang, "telegram.inline.polite", "n", out.size() + 1),
                    HtmlRenderer.shortPlain(suggestion, 120), Rich.of(suggestion)));
            if (out.size() == MAX) {
                break;
            }
        }
        if (out.isEmpty()) {
            // Nothing could be rewritten safely: say what is risky instead of offering the draft as fine.
            out.add(new Article(Texts.get(lang, "telegram.inline.risky", "fragment", HtmlRenderer.shortPlain(why, 60)),
                    HtmlRenderer.shortPlain(r.findings().get(0).why(), 120), Rich.of(q)));
        }
        return out;
    }
}
