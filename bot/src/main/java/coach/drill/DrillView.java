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

    /** The end of a drill: total, per-criterion summary and the model answers, in the run's language. */
    static Rich summary(Lang lang, Scenario s, DrillState st, DrillRun.Summary sum) {
        Rich.Builder b = Rich.builder().bold(t(lang, "drill.end.title", "title", s.title(lang))).nl()
                .bold(t(lang, "drill.end.total", "score", sum.score())).para()
                .text(t(lang, "drill.end.criteria")).nl();
        for (Criterion c : s.rubric()) {
            int[] n = sum.counts().get(c.id());
            if (n == null) {
                continue;
            }
            b.text(n[0] == n[1] ? "✅ " : n[0] == 0 ? "❌ " : "➖ ");
            if (c.conversation()) {
                b.text(t(lang, n[0] > 0 ? "drill.end.criterion.conversation" : "drill.end.criterion.conversation_missed", "name", c.name(lang))).nl();
            } else {
                b.text(t(lang, "drill.end.criterion", "name", c.name(lang), "met", n[0], "total", n[1])).nl();
            }
        }
        b.nl().bold(t(lang, "drill.end.models"));
        Map<String, String> vars = st.vars();
        List<Turn> turns = s.turns();
        for (int i = 0; i < turns.size(); i++) {
            b.para().bold(t(lang, "drill.end.turn", "n", i + 1)).nl()
                    .text(t(lang, "drill.end.client") + " ").italic(st.clientBefore(s, i)).nl()
                    .text(t(lang, "drill.end.model") + " ").quote(Template.fill(turns.get(i).modelAnswer(lang), vars));
        }
        return b.build();
    }

    private static String t(Lang lang, String key, Object... pairs) {
        return coach.core.Texts.get(lang, key, pairs);
    }
}
