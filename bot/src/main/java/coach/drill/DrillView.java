package coach.drill;

import coach.core.Context;
import coach.core.Rich;
import coach.text.Lang;
import java.util.List;
import java.util.Map;

/** How drill and quiz results read in a chat. Content (quotes, hints, model answers) is styled; nothing here echoes user text. */
final class DrillView {
    private DrillView() {
    }

    /** One turn's verdict: score, each criterion met or not, and for each missing one the guide's words and a phrase. */
    static Rich turnFeedback(Context ctx, Assessment a, int n, int total) {
        Rich.Builder b = Rich.builder().bold(ctx.t("drill.turn.header", "n", n, "total", total, "score", a.score())).nl();
        criteria(ctx, b, a);
        missing(ctx, b, a);
        return b.build();
    }

    static void criteria(Context ctx, Rich.Builder b, Assessment a) {
        for (Assessment.Outcome o : a.outcomes()) {
            b.text(o.met() ? "✅ " : "❌ ").text(o.criterion().name(ctx.lang()))
                    .text(" — " + ctx.t(o.met() ? "drill.turn.met" : "drill.turn.missed")).nl();
        }
    }

    static void missing(Context ctx, Rich.Builder b, Assessment a) {
        Lang lang = ctx.lang();
        for (Assessment.Outcome o : a.outcomes()) {
            if (o.met()) {
                continue;
            }
            Criterion c = o.criterion();
            b.nl().bold(c.name(lang)).text(". ");
            b.text("«" + c.principle().title(lang) + "»");
            if (c.quote() != null) {
                b.text(": ").quote(c.quote());
            }
            b.nl().text(lang == Lang.EN ? "You could say: " : "Можно так: ").italic(Template.fill(c.hint(lang), a.vars())).nl();
        }
    }

    /** The end of a drill: total, per-criterion summary and the model answers. */
    static Rich summary(Context ctx, Scenario s, DrillState st, int total) {
        Lang lang = ctx.lang();
        Rich.Builder b = Rich.builder().bold(ctx.t("drill.end.title", "title", s.title(lang))).nl()
                .bold(ctx.t("drill.end.total", "score", total)).para()
                .text(ctx.t("drill.end.criteria")).nl();
        for (Criterion c : s.rubric()) {
            int expected = 0;
            int met = 0;
            for (DrillState.TurnResult r : st.results()) {
                if (r.met().contains(c.id())) {
                    expected++;
                    met++;
                } else if (r.missed().contains(c.id())) {
                    expected++;
                }
            }
            if (expected > 0) {
                b.text(met == expected ? "✅ " : met == 0 ? "❌ " : "➖ ")
                        .text(ctx.t("drill.end.criterion", "name", c.name(lang), "met", met, "total", expected)).nl();
            }
        }
        b.nl().bold(ctx.t("drill.end.models"));
        Map<String, String> vars = st.vars();
        List<Turn> turns = s.turns();
        for (int i = 0; i < turns.size(); i++) {
            Band previous = i == 0 ? null : st.results().get(i - 1).band();
            b.para().bold(ctx.t("drill.end.turn", "n", i + 1)).nl()
                    .text(ctx.t("drill.end.client") + " ").italic(Template.fill(s.clientLine(i, previous), vars)).nl()
                    .text(ctx.t("drill.end.model") + " ").quote(Template.fill(turns.get(i).modelAnswer(), vars));
        }
        return b.build();
    }
}
