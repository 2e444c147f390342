package coach.tips;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.store.Store;
import coach.store.Subscriptions;
import java.util.List;

/** /unsubscribe: the chat stops getting the tip of the day (chat admins only). */
public final class UnsubscribeCommand implements Command.Handler {
    private final Store store;
    private final Runnable onChange;

    UnsubscribeCommand(Store store, Runnable onChange) {
        this.store = store;
        this.onChange = onChange;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (store.subscriptions().disable(ctx.in().chatId(), Subscriptions.REASON_UNSUBSCRIBED)) {
            onChange.run();
            return List.of(Reply.of(ctx.t("unsubscribe.done")));
        }
        return List.of(Reply.of(ctx.t("unsubscribe.none")));
    }
}
