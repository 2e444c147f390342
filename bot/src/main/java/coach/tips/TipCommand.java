package coach.tips;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.kb.Principle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * /tip: the next tip of the user's own rotation in this chat (separate from the chat's daily
 * rotation, which it never advances); {@code /tip <principle-id>} shows what the guide says about a
 * principle with its tips; {@code /tip <tip-id>} shows that tip.
 */
public final class TipCommand implements Command.Handler {
    private final TipCatalogue catalogue;
    private final TipPicker picker;
    private final TipFormat format;

    TipCommand(TipCatalogue catalogue, TipPicker picker) {
        this.catalogue = catalogue;
        this.picker = picker;
        this.format = new TipFormat(catalogue);
    }

    /** The rotation stream of a user's on-demand tips in a chat. */
    static String stream(String chatId, String userId) {
        return "tip:" + chatId + ":" + userId;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String a = args.strip().toLowerCase(Locale.ROOT);
        if (a.isEmpty()) {
            String id = picker.next(stream(ctx.in().chatId(), ctx.in().userId()));
            return List.of(format.single(catalogue.tip(id).orElseThrow(), ctx.lang()));
        }
        Optional<Principle> p = catalogue.kb().principle(a);
        if (p.isPresent()) {
            return List.of(format.principle(p.get(), ctx.lang()));
        }
        Optional<Tip> t = catalogue.tip(a);
        if (t.isPresent()) {
            return List.of(format.single(t.get(), ctx.lang()));
        }
        String shown = args.strip().length() > 40 ? args.strip().substring(0, 40) + "…" : args.strip();
        return List.of(Reply.of(ctx.t("tip.unknown", "value", shown)));
    }
}
