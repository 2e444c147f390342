package coach.tips;

import coach.core.Button;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.Texts;
import coach.kb.Principle;
import coach.text.Lang;
import java.util.List;

/**
 * How a tip reads: a title with the principle, the advice, its example, the guide's own example, and a
 * button to practise (a drill for the principle, or more about the principle). Made for reading in a
 * channel: short paragraphs, examples as quotes, ids only in the button.
 */
final class TipFormat {
    private final TipCatalogue catalogue;

    TipFormat(TipCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The daily message. */
    Reply daily(Tip tip, Lang lang) {
        return render(tip, lang, "tip.daily.title");
    }

    /** A tip asked for with /tip. */
    Reply single(Tip tip, Lang lang) {
        return render(tip, lang, "tip.title");
    }

    private Reply render(Tip tip, Lang lang, String titleKey) {
        Principle p = catalogue.kb().principle(tip.principleId()).orElseThrow();
        Rich.Builder b = Rich.builder()
                .bold("💡 " + Texts.get(lang, titleKey) + " · " + p.title(lang)).para()
                .text(tip.text(lang)).para();
        String own = tip.example(lang);
        if (own != null && !tip.fromGuide()) {
            b.italic(Texts.get(lang, "tip.example")).nl().quote(unquote(own)).para();
        }
        b.italic(Texts.get(lang, "tip.guide_example")).nl().quote(unquote(p.example()));
        return Reply.of(b.build()).withButtons(buttons(p, lang, true));
    }

    /** What the guide says about a principle, with the tips about it. */
    Reply principle(Principle p, Lang lang) {
        Rich.Builder b = Rich.builder()
                .bold("📘 " + p.title(lang)).para()
                .text(lang == Lang.EN ? p.summaryEn() : p.explanation()).para()
                .italic(Texts.get(lang, "tip.guide_example")).nl().quote(unquote(p.example())).para()
                .bold(Texts.get(lang, "tip.principle.tips")).nl();
        for (Tip t : catalogue.forPrinciple(p.id())) {
            if (!t.fromGuide()) {
                b.text("• " + t.text(lang)).nl();
            }
        }
        return Reply.of(b.build()).withButtons(buttons(p, lang, false));
    }

    /** Drops one pair of quotes around a whole example: the quote style adds its own. */
    static String unquote(String s) {
        String t = s.strip();
        if (t.length() > 2 && ((t.startsWith("\"") && t.endsWith("\"") && t.indexOf('"', 1) == t.length() - 1)
                || (t.startsWith("«") && t.endsWith("»") && t.indexOf('«', 1) < 0))) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private List<List<Button>> buttons(Principle p, Lang lang, boolean offerMore) {
        String scenario = catalogue.scenarioFor(p.id()).orElse(null);
        if (scenario != null) {
            return List.of(List.of(new Button(Texts.get(lang, "tip.btn.drill"), "/drill " + scenario)));
        }
        if (offerMore) {
            return List.of(List.of(new Button(Texts.get(lang, "tip.btn.more"), "/tip " + p.id())));
        }
        return List.of();
    }
}
