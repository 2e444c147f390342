package coach.drill;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.SessionGuard;
import coach.core.Rich;
import coach.core.SessionState;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /drill lists the scenarios (buttons "/drill &lt;id&gt;"); /drill &lt;id&gt; starts one; during any session it asks
 * before abandoning it ("/drill abandon [id]" confirms, "/drill continue" goes on).
 */
final class DrillCommand implements Command.Handler {
    private static final int MAX_ECHO = 40;
    private final Drills drills;
    private final DrillSessionHandler handler;

    DrillCommand(Drills drills, DrillSessionHandler handler) {
        this.drills = drills;
        this.handler = handler;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String[] parts = args.strip().split("\\s+", 2);
        String first = parts[0].toLowerCase(Locale.ROOT);
        if (first.equals("continue")) {
            return SessionGuard.resume(ctx);
        }
        if (first.equals("abandon")) {
            String target = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "";
            if (!target.isEmpty() && drills.scenario(target).isEmpty()) {
                return unknown(ctx, target);
            }
            if (ctx.session().isEmpty()) {
                return SessionGuard.abandon(ctx); // an old «Бросить» button: nothing open, nothing started
            }
            List<Reply> out = SessionGuard.abandon(ctx);
            out.addAll(target.isEmpty() ? list(ctx) : open(ctx, target));
            return out;
        }
        if (first.isEmpty()) {
            Optional<SessionState> open = ctx.session();
            return open.isPresent() ? SessionGuard.ask(ctx, open.get(), "drill", "/drill abandon") : list(ctx);
        }
        return open(ctx, first);
    }

    private List<Reply> open(Context ctx, String id) {
        Optional<Scenario> s = drills.scenario(id);
        if (s.isEmpty()) {
            return unknown(ctx, id);
        }
        Optional<SessionState> open = ctx.session();
        if (open.isPresent()) {
            return SessionGuard.ask(ctx, open.get(), "drill", "/drill abandon " + id);
        }
        return handler.start(ctx, s.get());
    }

    private List<Reply> unknown(Context ctx, String id) {
        String shown = id.length() > MAX_ECHO ? id.substring(0, MAX_ECHO) + "…" : id;
        return List.of(Reply.of(ctx.t("drill.unknown", "id", shown)).withButtons(buttons(ctx)));
    }

    private List<Reply> list(Context ctx) {
        Lang lang = ctx.lang();
        DrillResults.Standing standing = drills.results().standing(ctx.in().userId());
        Rich.Builder b = Rich.builder().bold(ctx.t("drill.list.title")).para().text(ctx.t("drill.list.body")).para();
        for (Scenario s : ordered(standing)) {
            b.text("• " + s.title(lang) + " — ").code("/drill " + s.id());
            Integer best = standing.best().get(s.id());
            if (best != null) {
                b.text(" — ").italic(ctx.t("drill.list.best", "best", best));
            }
            if (s.id().equals(standing.first())) {
                b.text(" — ").italic(ctx.t("drill.list.weakest"));
            }
            b.nl();
        }
        return List.of(Reply.of(b.build()).withButtons(buttons(ctx, standing)));
    }

    /** The scenario that trains the user's weakest criterion first, the others in their usual order. */
    private List<Scenario> ordered(DrillResults.Standing standing) {
        List<Scenario> out = new ArrayList<>(drills.scenarios());
        drills.scenario(standing.first() == null ? "" : standing.first()).ifPresent(first -> {
            out.remove(first);
            out.add(0, first);
        });
        return out;
    }

    private List<List<Button>> buttons(Context ctx) {
        return buttons(ctx, DrillResults.Standing.NONE);
    }

    private List<List<Button>> buttons(Context ctx, DrillResults.Standing standing) {
        List<List<Button>> rows = new ArrayList<>();
        for (Scenario s : ordered(standing)) {
            rows.add(List.of(new Button(s.title(ctx.lang()), "/drill " + s.id())));
        }
        return rows;
    }
}
