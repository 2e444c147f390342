package coach.app;

import coach.core.Rich;
import coach.materials.DraftReviewer;
import coach.phrasing.CheckResult;
import coach.phrasing.Finding;
import coach.phrasing.PhrasingEngine;
import coach.core.Texts;
import coach.text.Lang;
import java.util.Optional;

/** Reviews a filled-in template with the phrasing engine: each risky fragment and why, or nothing when clean. */
final class PhrasingReviewer implements DraftReviewer {
    private final PhrasingEngine engine;

    PhrasingReviewer(PhrasingEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<Rich> review(String text, Lang lang) {
        CheckResult r = engine.check(text);
        if (!r.risky()) {
            return Optional.empty();
        }
        Rich.Builder b = Rich.builder().bold(Texts.get(lang, "fill.risky")).nl();
        for (Finding f : r.findings()) {
            b.text("• ").mark(f.fragment()).text(" — " + f.why()).nl();
        }
        if (!r.suggestions().isEmpty()) {
            b.nl().bold(Texts.get(lang, "fill.suggestion")).nl().text(r.suggestions().get(0));
        }
        return Optional.of(b.build());
    }
}
