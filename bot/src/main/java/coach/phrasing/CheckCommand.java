package coach.phrasing;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.Texts;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.text.Lang;
import java.util.List;
import java.util.Optional;

/**
 * /check &lt;draft&gt;: the risky fragments of a draft marked in its text, why each is risky, the
 * principle of the guide with the guide's own example, then up to three polite versions of the
 * whole message. A clean draft gets a short positive answer; /check alone explains the usage.
 */
public final class CheckCommand implements Command.Handler {
    /** Longer texts are not quoted whole: the report goes fragment by fragment. */
    static final int QUOTE_LIMIT = 1500;
    /** At most this many findings are explained one by one. */
    static final int MAX_EXPLAINED = 10;

    private final PhrasingEngine engine;
    private final KnowledgeBase kb;

    public CheckCommand(PhrasingEngine engine, KnowledgeBase kb) {
        this.engine = engine;
        this.kb = kb;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (args == null || args.isBlank()) {
            return List.of(Reply.of(ctx.t("check.usage")));
        }
        return List.of(Reply.of(report(engine.check(args), ctx.lang())));
    }

    /** The readable report of a check, in the interface language {@code ui}. */
    public Rich report(CheckResult r, Lang ui) {
        Rich.Builder b = Rich.builder();
        if (!r.risky()) {
            return b.text(Texts.get(ui, "check.clean")).build();
        }
        List<Finding> fs = r.findings();
        b.bold(Texts.get(ui, found(ui, fs.size()), "count", fs.size())).para();
        boolean quoted = r.text().length() <= QUOTE_LIMIT;
        if (quoted) {
            b.bold(Texts.get(ui, "check.marked")).nl();
            marked(b, r.text(), fs, engine);
            b.para();
        } else {
            b.italic(Texts.get(ui, "check.long")).para();
        }
        int n = 0;
        java.util.Set<String> shownExamples = new java.util.HashSet<>();
        for (Finding f : fs) {
            if (n == MAX_EXPLAINED) {
                b.text(Texts.get(ui, "check.more", "count", fs.size() - MAX_EXPLAINED)).para();
                break;
            }
            n++;
            finding(b, f, n, ui, shownExamples.add(f.principleId()));
            b.para();
        }
        if (!r.suggestions().isEmpty() && quoted) {
            b.bold(Texts.get(ui, "check.suggestions")).nl();
            int i = 1;
            for (String s : r.suggestions()) {
                b.text(i++ + ") ").quote(engine.mask(s)).nl();
            }
        } else if (r.suggestions().isEmpty() && !r.partial().isEmpty() && quoted && r.kept() != null && !r.doubtful().isEmpty()) {
            b.text(Texts.get(ui, "check.kept", "what", engine.mask(r.kept()))).nl();
            b.text("— ").quote(engine.mask(r.doubtful().get(0))).nl();
            b.text(Texts.get(ui, "check.kept_rest")).nl();
            b.quote(engine.mask(r.partial().get(0))).nl();
        } else if (r.suggestions().isEmpty() && !r.partial().isEmpty() && quoted && !r.doubtful().isEmpty()
                && !r.text().contains(r.doubtful().get(0))) {
            // a sentence the version changed that may still sound risky: the writer finishes it
            b.text(Texts.get(ui, "check.doubtful_rewritten")).nl();
            b.text("— ").quote(engine.mask(r.doubtful().get(0))).nl();
            b.text(Texts.get(ui, "check.kept_rest")).nl();
            b.quote(engine.mask(r.partial().get(0))).nl();
        } else if (r.suggestions().isEmpty() && !r.partial().isEmpty() && quoted && !r.doubtful().isEmpty()) {
            b.text(Texts.get(ui, "check.doubtful")).nl();
            for (String d : r.doubtful()) {
                b.text("— ").quote(engine.mask(d)).nl();
            }
            b.text(Texts.get(ui, "check.doubtful_rest")).nl();
            b.quote(engine.mask(r.partial().get(0))).nl();
        } else if (r.suggestions().isEmpty() && !r.partial().isEmpty() && quoted) {
            b.text(Texts.get(ui, "check.partial")).nl();
            b.quote(engine.mask(r.partial().get(0))).nl();
        } else if (r.suggestions().isEmpty()) {
            b.text(Texts.get(ui, "check.no_suggestion"));
        }
        return b.build();
    }

    private static String found(Lang ui, int count) {
        if (ui == Lang.EN) {
            return count == 1 ? "check.found.one" : "check.found.many";
        }
        int m10 = count % 10;
        int m100 = count % 100;
        if (m10 == 1 && m100 != 11) {
            return "check.found.one";
        }
        if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) {
            return "check.found.few";
        }
        return "check.found.many";
    }

    /** The text with the findings marked; obscene words are masked wherever the report quotes them. */
    private static void marked(Rich.Builder b, String text, List<Finding> fs, PhrasingEngine engine) {
        int at = 0;
        for (Finding f : fs) {
            b.text(engine.mask(text.substring(at, f.start())));
            b.mark(engine.mask(f.fragment()));
            at = f.end();
        }
        b.text(engine.mask(text.substring(at)));
    }

    /** One finding; the guide's example of its principle is shown the first time the principle comes up. */
    private void finding(Rich.Builder b, Finding f, int n, Lang ui, boolean withExample) {
        b.bold(n + ". ").quote(engine.mask(f.fragment())).text(" — " + Texts.get(ui, "category." + f.category()));
        if (!Double.isNaN(f.confidence())) {
            b.text(" " + Texts.get(ui, "check.confidence", "percent", Math.round(f.confidence() * 100)));
        }
        b.nl();
        b.bold(Texts.get(ui, "check.why") + " ").text(f.why()).nl();
        Optional<Principle> p = kb.principle(f.principleId());
        b.bold(Texts.get(ui, "check.principle") + " ").text(p.map(x -> x.title(ui)).orElse(f.principle()));
        if (withExample && p.isPresent() && p.get().example() != null && !p.get().example().isBlank()) {
            b.nl().bold(Texts.get(ui, "check.example") + " ").italic(p.get().example());
        }
        String advice = engine.guidance(f, ui);
        if (advice != null) {
            b.nl().bold(Texts.get(ui, "check.advice") + " ").text(advice);
            if (f.rewritable()) {
                b.nl().bold(Texts.get(ui, "check.say") + " ").text(Texts.get(ui, "check.drop"));
            }
            return;
        }
        if (!f.rewritable()) {
            b.nl().italic(Texts.get(ui, "check.by_hand"));
        } else if (f.say() != null) {
            String first = f.say().replaceFirst("^[\\s,;:—–-]+", "");
            b.nl().bold(Texts.get(ui, "check.say") + " ");
            if (first.isEmpty()) {
                b.text(Texts.get(ui, "check.drop"));
            } else {
                b.quote(first);
            }
        }
    }
}
