package coach.tips;

import coach.core.ChatEvents;
import coach.core.ChatSender;
import coach.core.Command;
import coach.kb.KnowledgeBase;
import coach.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tips feature: the catalogue, its commands and the daily scheduler. Without a store only /tip
 * works (its rotation then lives in memory); with one, /subscribe and /unsubscribe too, and a
 * scheduler can be started for a transport's {@link ChatSender}.
 */
public final class Tips {
    private final TipCatalogue catalogue;
    private final Store store;
    private final Clock clock;
    private final List<TipScheduler> schedulers = new CopyOnWriteArrayList<>();
    private volatile java.util.function.BiFunction<coach.store.Subscription, coach.core.Reply, coach.core.Reply> extras;

    private Tips(TipCatalogue catalogue, Store store, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
    }

    /** Loads and validates the tips; {@code store} may be null (no subscriptions then). */
    public static Tips create(KnowledgeBase kb, Store store, Clock clock) {
        return new Tips(TipCatalogue.load(kb), store, clock);
    }

    public TipCatalogue catalogue() {
        return catalogue;
    }

    /** The commands to register: /tip, and with a store /subscribe and /unsubscribe. */
    public List<Command> commands() {
        List<Command> out = new ArrayList<>();
        out.add(new TipCommand(catalogue, TipPicker.of(store, catalogue)));
        if (store != null) {
            out.add(new SubscribeCommand(store, clock, this::changed));
            out.add(new UnsubscribeCommand(store, this::changed));
        }
        return out;
    }

    /**
     * A daily-tips scheduler sending through {@code sender}; call {@link TipScheduler#start()} to run
     * it and {@link TipScheduler#close()} on shutdown. Subscription changes made through this
     * feature's commands wake it.
     */
    public TipScheduler scheduler(ChatSender sender, TipScheduler.Settings settings) {
        if (store == null) {
            throw new IllegalStateException("daily tips need a store");
        }
        TipScheduler s = new TipScheduler(store, catalogue, sender, clock, settings);
        s.addToTips(extras);
        schedulers.add(s);
        return s;
    }

    public TipScheduler scheduler(ChatSender sender) {
        return scheduler(sender, TipScheduler.Settings.defaults());
    }

    /** What another feature adds to each daily tip before it is sent (applies to schedulers made after this call). */
    public void addToTips(java.util.function.BiFunction<coach.store.Subscription, coach.core.Reply, coach.core.Reply> f) {
        this.extras = f;
    }

    /** Membership events for the transport: a removed bot disables the chat's tips. */
    public ChatEvents chatEvents() {
        return store == null ? ChatEvents.NONE : store.chatEvents();
    }

    private void changed() {
        for (TipScheduler s : schedulers) {
            s.wake();
        }
    }
}
