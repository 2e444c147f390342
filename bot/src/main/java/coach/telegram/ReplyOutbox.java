package coach.telegram;

import coach.store.Outbox;
import coach.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies the Bot API could not take, kept in the store ({@link Outbox}) and sent when it is back: in
 * order per chat, each chat backing off on its own (a failing chat never holds up another, and no
 * worker sleeps in a backoff: a chat's attempt is one call, run in the chat's own queue so it keeps
 * its place before the chat's newer replies). A kept reply older than the age limit is dropped with
 * a log line; a chat that refused the bot has its replies dropped.
 */
final class ReplyOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyOutbox.class);
    private static final int BATCH = 50;

    private final Outbox store;
    private final TelegramSender sender;
    private final ChatQueues queues;
    private final TelegramConfig.Delivery config;
    private final Clock clock;
    /** Chats with replies kept (as far as this process knows; loaded from the store at start). */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    /** Chats whose attempt is queued or running. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Backoff> backoff = new ConcurrentHashMap<>();
    /** With replicas on one store: the chat's lock across replicas (null: this process alone). */
    private volatile coach.store.UpdateLedger shared;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(ChatQueues.daemonThreads("coach-tg-outbox"));

    private static final class Backoff {
        long nextNanos;
        Duration delay;

        Backoff(Duration first) {
            this.delay = first;
            this.nextNanos = System.nanoTime() + first.toNanos();
        }
    }

    ReplyOutbox(Outbox store, TelegramSender sender, ChatQueues queues, TelegramConfig.Delivery config, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.queues = queues;
        this.config = config;
        this.clock = clock;
    }

    /** Loads the chats with kept replies (from before a restart) and starts trying them. */
    void start() {
        List<String> chats = store.chats();
        waiting.addAll(chats);
        if (!chats.isEmpty()) {
            LOG.info("{} replies kept from before are sent now ({} chats)", store.count(), chats.size());
        }
        long period = Math.max(50, Math.min(200, config.outboxRetryStart().toMillis() / 2));
        timer.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Replicas share the store: a chat's kept replies are sent under the chat's lock, and another
     * replica's kept replies count as waiting once this one has seen them (it lists the chats with kept
     * replies about once a second): newer replies queue behind them, whoever kept them.
     */
    void shareWith(coach.store.UpdateLedger ledger) {
        this.shared = ledger;
    }

    int waitingChats() {
        return waiting.size();
    }

    /** Whether the chat has replies waiting (then newer ones queue behind them). Called in the chat's queue. */
    boolean waiting(String chatId) {
        if (waiting.contains(chatId)) {
            return true;
        }
        return false;
    }

    /** Replicas: chats with replies another replica kept join this one's list (checked about once a second, not per reply). */
    private void refreshShared() {
        try {
            for (String chat : store.chats()) {
                if (waiting.add(chat)) {
                    backoff.computeIfAbsent(chat, c -> new Backoff(config.outboxRetryStart()));
                }
            }
        } catch (StoreException e) {
            LOG.debug("kept replies of other replicas cannot be listed now: {}", e.getMessage());
        }
    }

    /** Keeps messages for later, after what the chat has waiting. Called in the chat's queue. */
    void keep(String chatId, List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try {
            store.add(chatId, messages.stream().map(Outgoing::toJson).toList(), clock.instant());
        } catch (StoreException e) {
            LOG.error("{} replies to chat {} could not be sent and could not be kept either: {}", messages.size(), chatId, e.getMessage());
            return;
        }
        boolean first = waiting.add(chatId);
        backoff.computeIfAbsent(chatId, c -> new Backoff(config.outboxRetryStart()));
        if (first) {
            LOG.warn("the Bot API did not take {} replies to chat {}; they are kept and sent when it is back", messages.size(), chatId);
        }
    }

    private long lastRefresh;

    private void tick() {
        try {
            long now = System.nanoTime();
            if (shared != null && now - lastRefresh > TimeUnit.SECONDS.toNanos(1)) {
                lastRefresh = now;
                refreshShared();
            }
            for (String chat : waiting) {
                Backoff b = backoff.get(chat);
                if (b != null && b.nextNanos - now > 0 || !busy.add(chat)) {
                    continue;
                }
                ChatQueues.Admission a = queues.submit("c" + chat, () -> {
                    try {
                        drainLocked(chat);
                    } finally {
                        busy.remove(chat);
                    }
                }, true);
                if (a != ChatQueues.Admission.QUEUED) {
                    busy.remove(chat);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox pass failed: {}", Tokens.describe(e));
        }
    }

    private void drainLocked(String chat) {
        coach.store.UpdateLedger l = shared;
        if (l == null) {
            drain(chat);
            return;
        }
        try (coach.store.UpdateLedger.ChatLock lock = l.lock("c" + chat)) {
            drain(chat);
        } catch (StoreException e) {
            LOG.warn("kept replies to chat {} wait: {}", chat, e.getMessage());
            later(chat, null);
        }
    }

    /** Sends the chat's kept replies in order until one fails (then the chat backs off) or none are left. */
    void drain(String chat) {
        while (true) {
            List<Outbox.Item> items;
            try {
                items = store.pending(chat, BATCH);
            } catch (StoreException e) {
                LOG.warn("kept replies to chat {} cannot be read now: {}", chat, e.getMessage());
                later(chat, null);
                return;
            }
            if (items.isEmpty()) {
                waiting.remove(chat);
                backoff.remove(chat);
                return;
            }
            for (Outbox.Item item : items) {
                Instant now = clock.instant();
                if (Duration.between(item.createdAt(), now).compareTo(config.replyMaxAge()) > 0) {
                    LOG.warn("a reply to chat {} kept since {} is older than {} and is dropped unsent", chat, item.createdAt(), config.replyMaxAge());
                    store.remove(chat, item.seq());
                    continue;
                }
                Outgoing msg;
                try {
                    msg = Outgoing.fromJson(item.payload());
                } catch (RuntimeException e) {
                    LOG.warn("a kept reply to chat {} cannot be read and is dropped: {}", chat, e.getMessage());
                    store.remove(chat, item.seq());
                    continue;
                }
                TelegramSender.Result<?> r = sender.sendOnce(msg);
                switch (r.outcome()) {
                    case OK, NOT_MODIFIED -> {
                        store.remove(chat, item.seq());
                        recovered();
                    }
                    case FORBIDDEN -> {
                        int n = store.removeChat(chat);
                        LOG.info("chat {} refused the bot: {} kept replies dropped", chat, n);
                        waiting.remove(chat);
                        backoff.remove(chat);
                        return;
                    }
                    default -> {
                        if (r.retryable() && r.detail().startsWith(TelegramSender.SEND_LIMIT)) {
                            soon(chat); // not a failure: the chat's send limit, the next permit comes shortly
                            return;
                        }
                        if (r.retryable()) {
                            store.failed(chat, item.seq(), r.detail());
                            later(chat, r);
                            return;
                        }
                        LOG.warn("a kept reply to chat {} was refused and is dropped: {}", chat, r.detail());
                        store.remove(chat, item.seq());
                    }
                }
            }
            backoff.remove(chat); // progress: the next failure starts the backoff afresh
        }
    }

    /**
     * A message just went through (kept or new, any chat): the API is back, so chats backing off try
     * again soon instead of at the end of their grown delay; a chat that still fails backs off anew.
     */
    void recovered() {
        if (backoff.isEmpty()) {
            return;
        }
        long soon = System.nanoTime() + config.outboxRetryStart().toNanos();
        for (Backoff b : backoff.values()) {
            if (b.nextNanos - soon > 0) {
                b.nextNanos = soon;
                b.delay = config.outboxRetryStart();
            }
        }
    }

    private void soon(String chat) {
        Backoff b = backoff.computeIfAbsent(chat, c -> new Backoff(config.outboxRetryStart()));
        b.nextNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    }

    private void later(String chat, TelegramSender.Result<?> r) {
        Backoff b = backoff.computeIfAbsent(chat, c -> new Backoff(config.outboxRetryStart()));
        Duration d = b.delay;
        b.delay = b.delay.multipliedBy(2).compareTo(config.outboxRetryMax()) > 0 ? config.outboxRetryMax() : b.delay.multipliedBy(2);
        b.nextNanos = System.nanoTime() + d.toNanos();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
