package coach.tips;

import coach.core.ChatEvents;
import coach.core.ChatSender;
import coach.core.Command;
import coach.core.Feature;
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
public final class Tips implements Feature {
    private final TipCatalogue catalogue;
    private final Store store;
    private final Clock clock;
    private final List<TipScheduler> schedulers = new CopyOnWriteArrayList<>();
    private volatile java.util.function.BiFunction<coach.store.Subscription, coach.core.Reply, coach.core.Reply> extras;
    private final List<java.util.Map.Entry<coach.store.Feed, TipScheduler.Programme>> feeds = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, Command.Handler[]> variants = new java.util.concurrent.ConcurrentHashMap<>();

    private final Zones zones;

    private Tips(TipCatalogue catalogue, Store store, Clock clock, Zones zones) {
        this.zones = zones;
        this.catalogue = catalogue;
        this.store = store;
        this.clock = clock;
    }

    /** Loads and validates the tips; {@code store} may be null (no subscriptions then). */
    public static Tips create(KnowledgeBase kb, Store store, Clock clock) {
        return new Tips(TipCatalogue.load(kb), store, clock, Zones.load(kb));
    }

    public TipCatalogue catalogue() {
        return catalogue;
    }

    /** /tip, and with a store /subscribe and /unsubscribe (chat admins only in groups). */
    @Override
    public List<Command> commands() {
        List<Command> out = new ArrayList<>();
        out.add(Command.of("tip", "tip.desc", new TipCommand(catalogue, TipPicker.of(store, catalogue))));
        if (store != null) {
            out.add(Command.of("subscribe", "subscribe.desc", withVariants(0, new SubscribeCommand(store, clock, this::changed, zones))).adminOnly());
            out.add(Command.of("unsubscribe", "unsubscribe.desc", withVariants(1, new UnsubscribeCommand(store, this::changed))).adminOnly());
        }
        return out;
    }

    /**
     * /subscribe (0) or /unsubscribe (1), first offering its arguments to a variant another feature
     * registered by the first word ("/subscribe weekly …" → the weekly digest's own handler with
     * "…"); any other arguments go to the daily tips' handler as before.
     */
    private Command.Handler withVariants(int which, Command.Handler daily) {
        return (ctx, args) -> {
            String[] parts = args.strip().split("\\s+", 2);
            Command.Handler[] v = variants.get(parts[0].toLowerCase(java.util.Locale.ROOT));
            return v == null ? daily.run(ctx, args) : v[which].run(ctx, parts.length > 1 ? parts[1] : "");
        };
    }

    /** How /subscribe reads a time zone the user typed; variants such as "/subscribe weekly" read theirs the same way. */
    public java.util.function.Function<String, java.util.Optional<java.time.ZoneId>> zoneResolver() {
        return zones::resolve;
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
        feeds.forEach(f -> s.addFeed(f.getKey(), f.getValue()));
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

    /** Another feed for every scheduler made after this call (the weekly team digest), on the same delivery machinery. */
    public void addFeed(coach.store.Feed feed, TipScheduler.Programme programme) {
        feeds.add(java.util.Map.entry(feed, programme));
    }

    /**
     * {@code /subscribe <word> …} and {@code /unsubscribe <word>} handled by another feature's commands
     * (e.g. "weekly"), which get the arguments after the word; both are chat-admin commands already.
     */
    public void addSubscribeVariant(String word, Command.Handler subscribe, Command.Handler unsubscribe) {
        variants.put(word, new Command.Handler[]{subscribe, unsubscribe});
    }

    /** Wakes the schedulers: a subscription of any feed changed. */
    public void subscriptionsChanged() {
        changed();
    }

    /** Membership events for the transport: a removed bot disables the chat's tips. */
    @Override
    public ChatEvents chatEvents() {
        return store == null ? ChatEvents.NONE : store.chatEvents();
    }

    private void changed() {
        for (TipScheduler s : schedulers) {
            s.wake();
        }
    }
}
