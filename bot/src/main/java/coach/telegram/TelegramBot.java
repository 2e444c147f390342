package coach.telegram;

import coach.core.Access;
import coach.core.ChatEvents;
import coach.core.ChatSender;
import coach.core.Command;
import coach.core.ConversationCore;
import coach.text.Lang;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram front end, assembled: long polling (TelegramBots), the update handler over the coach's
 * conversation core, the {@link TelegramSender} and the lifecycle of everything that runs alongside.
 *
 * <pre>
 * TelegramBot bot = new TelegramBot(config, coach.core(), coach.chatEvents());
 * bot.addHook(TelegramBot.Hook.of(tips::start, tips));   // e.g. a scheduler that sends through bot.sender()
 * bot.start();
 * ...
 * bot.close();                                            // on SIGTERM: exits well within 10 s
 * </pre>
 *
 * <p>All threads are ours (daemon, named {@code coach-tg-*}) and stop in {@link #close()}: the
 * polling executor, the update workers, the button-answer pool, the outbox and inbox timers, the
 * OkHttp dispatcher and connection pool. With {@link #keepIn} updates are kept in the store until
 * handled and replies the Bot API cannot take wait in its outbox.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    static final List<String> ALLOWED_UPDATES = List.of("message", "channel_post", "callback_query", "inline_query", "my_chat_member", "chat_member");
    /** Updates waiting or in progress over all chats; past it polling waits (Telegram keeps the rest). */
    static final int MAX_PENDING = 2000;

    /**
     * Something that runs alongside the bot (a scheduler sending through {@link #sender()}): started
     * after polling begins, closed on shutdown once polling has stopped and before the drain deadline
     * (its sends are cut short at that deadline).
     */
    public interface Hook extends AutoCloseable {
        void start() throws Exception;

        static Hook of(Runnable start, AutoCloseable stop) {
            return new Hook() {
                @Override
                public void start() {
                    start.run();
                }

                @Override
                public void close() throws Exception {
                    stop.close();
                }
            };
        }
    }

    private final TelegramConfig config;
    private final ConversationCore core;
    private final ExecutorService httpExecutor;
    private final ConnectionPool connectionPool;
    private final OkHttpClient sendHttp;
    private final OkHttpClient pollHttp;
    private final ScheduledExecutorService pollExecutor;
    private final TelegramClient client;
    private final TelegramSender sender;
    private final TelegramPermissions permissions;
    private final UpdateHandler handler;
    private final ChatQueues queues;
    /** Answers button presses at once, beside the chats' queues and send limits (Telegram gives up after ~10 s). */
    private final ThreadPoolExecutor answers;
    private final TelegramClient answerClient;
    private final List<Hook> hooks = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentSkipListSet<Integer> pending = new ConcurrentSkipListSet<>();
    private final Semaphore capacity = new Semaphore(MAX_PENDING);
    private final AtomicInteger maxSeen = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Update ids handled (or dropped) since the last inbox flush. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> handled = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile coach.store.Inbox inbox;
    /** Ids replayed from the inbox at start, in case Telegram sends them once more. */
    private final Set<Integer> replayed = ConcurrentHashMap.newKeySet();
    private volatile ReplyOutbox outbox;
    private volatile ScheduledExecutorService inboxFlusher;
    private final Map<String, Long> floodNotices = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile TelegramBotsLongPollingApplication app;
    private volatile String username;

    /**
     * The bot over the coach's conversation core (commands, sessions, free text, inline answers and the
     * command menu all come through it) and the listeners of chat events.
     */
    public TelegramBot(TelegramConfig config, ConversationCore core, ChatEvents events) {
        this(config, core, events, null);
    }

    /**
     * With {@code interceptor}, HTTP calls are answered by it instead of the network: a package-private seam
     * for the in-process Bot API of the tests and the benchmarks (their {@code InProcessBot}).
     */
    TelegramBot(TelegramConfig config, ConversationCore core, ChatEvents events, Interceptor interceptor) {
        this.config = config;
        this.core = core;
        this.httpExecutor = new ThreadPoolExecutor(0, 128, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), ChatQueues.daemonThreads("coach-tg-http"));
        Dispatcher dispatcher = new Dispatcher(httpExecutor);
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64);
        this.connectionPool = new ConnectionPool(16, 60, TimeUnit.SECONDS);
        OkHttpClient.Builder base = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(connectionPool)
                .connectTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(30))
                .readTimeout(config.delivery().readTimeout())
                .callTimeout(config.delivery().readTimeout().plusSeconds(30))
                .retryOnConnectionFailure(true);
        if (interceptor != null) {
            base.addInterceptor(interceptor);
        }
        this.sendHttp = base.build();
        // Polling runs synchronous calls on our own poll thread; its own dispatcher lets close() cancel just that call.
        this.pollHttp = sendHttp.newBuilder()
                .dispatcher(new Dispatcher(httpExecutor))
                .readTimeout(config.pollTimeout().plusSeconds(15))
                .callTimeout(config.pollTimeout().plusSeconds(30))
                .addInterceptor(this::observePoll)
                .build();
        this.pollExecutor = Executors.newSingleThreadScheduledExecutor(ChatQueues.daemonThreads("coach-tg-poll"));
        TelegramUrl url = new TelegramUrl(config.scheme(), config.host(), config.port(), false);
        this.client = new OkHttpTelegramClient(new ObjectMapper(), sendHttp, config.token(), url);
        this.sender = new TelegramSender(client, config, events);
        this.permissions = new TelegramPermissions(sender, config.adminCacheTtl());
        this.handler = new UpdateHandler(core, sender, permissions, events, config.inlineCacheSeconds());
        this.queues = new ChatQueues(config.workers(), config.maxQueuedPerChat(), "coach-tg-worker");
        Duration answerTimeout = config.delivery().callbackTimeout();
        OkHttpClient answerHttp = sendHttp.newBuilder().callTimeout(answerTimeout).readTimeout(answerTimeout).build();
        this.answerClient = new OkHttpTelegramClient(new ObjectMapper(), answerHttp, config.token(), url);
        this.answers = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(10_000),
                ChatQueues.daemonThreads("coach-tg-answer"), new ThreadPoolExecutor.DiscardOldestPolicy());
        this.answers.allowCoreThreadTimeOut(true);
    }

    /**
     * Answers a button press right away, before its work is queued: not behind the chat's queue or the
     * send limits (answers do not count against a chat's messages), also when the work is then dropped
     * by flood protection. One try within the callback timeout; a press Telegram has given up on meanwhile
     * is not worth more.
     */
    private void answerNow(Update u) {
        if (u.getCallbackQuery() == null || u.getCallbackQuery().getId() == null) {
            return;
        }
        String id = u.getCallbackQuery().getId();
        long queued = System.nanoTime();
        answers.execute(() -> {
            if (System.nanoTime() - queued > TimeUnit.SECONDS.toNanos(10)) {
                return; // too late for Telegram anyway
            }
            try {
                answerClient.execute(org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery.builder().callbackQueryId(id).build());
            } catch (TelegramApiException | RuntimeException e) {
                LOG.debug("a button press was not answered: {}", Tokens.describe(e));
            }
        });
    }

    /** The sender for messages the coach starts itself (rate-limited, retried, 403-aware). */
    public TelegramSender sender() {
        return sender;
    }

    /** Same as {@link #sender()}, typed for features that only need to send. */
    public ChatSender chatSender() {
        return sender;
    }

    /** Adds something to start after polling begins and to close on shutdown, after polling stops. */
    public void addHook(Hook hook) {
        if (started.get()) {
            throw new IllegalStateException("hooks are added before start()");
        }
        hooks.add(hook);
    }

    /** The bot's username as Telegram reports it (after {@link #start()}). */
    public String username() {
        return username;
    }

    /**
     * Checks the token (getMe), publishes the command menu in Russian and English, starts long polling
     * and then the hooks. Throws {@link IllegalStateException} with a message fit for the operator
     * (never containing the token) when Telegram cannot be reached or refuses the token.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("COACH_DATA_DIR " + config.dataDir() + " cannot be created: " + e.getMessage());
        }
        TelegramSender.Result<User> me = sender.call(new GetMe());
        if (me.outcome() != TelegramSender.Outcome.OK || me.value() == null) {
            close();
            throw new IllegalStateException("Telegram Bot API at " + config.apiBase() + " did not accept the bot: " + me.detail()
                    + " (check TELEGRAM_BOT_TOKEN and TELEGRAM_API_URL)");
        }
        User bot = me.value();
        username = bot.getUserName();
        if (username != null) {
            core.setBotUsername(username);
            handler.setBot(bot.getId(), username);
        }
        permissions.setBotId(bot.getId());
        publishCommands();
        if (inbox != null) {
            inboxFlusher = Executors.newSingleThreadScheduledExecutor(ChatQueues.daemonThreads("coach-tg-inbox"));
            inboxFlusher.scheduleWithFixedDelay(this::flushHandled, 200, 200, TimeUnit.MILLISECONDS);
            try {
                replayKept();
            } catch (coach.store.StoreException e) {
                LOG.error("updates kept from the last run cannot be read: {}", e.getMessage());
            }
        }
        if (outbox != null) {
            outbox.start();
        }
        try {
            app = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollExecutor, ExponentialBackOff::new);
            app.registerBot(config.token(), () -> new TelegramUrl(config.scheme(), config.host(), config.port(), false),
                    offset -> new LenientGetUpdates(offset + 1, 100, (int) config.pollTimeout().toSeconds(), ALLOWED_UPDATES),
                    new Consumer());
        } catch (TelegramApiException | RuntimeException e) {
            close();
            throw new IllegalStateException("long polling could not start: " + Tokens.describe(e));
        }
        LOG.info("Telegram bot @{} is polling {} ({} commands)", username, config.apiBase(), core.menu().size());
        for (Hook h : List.copyOf(hooks)) {
            try {
                h.start();
            } catch (Exception e) {
                close();
                throw new IllegalStateException("a component started with the bot failed: " + Tokens.describe(e));
            }
        }
    }

    /**
     * The command menus from the registry, in Russian (the default) and English, per scope: the default and
     * private chats list every command; group members do not see the admin-only ones; group admins see all.
     */
    private void publishCommands() {
        List<org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope> scopes = List.of(
                new BotCommandScopeDefault(),
                new org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats(),
                new org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats(),
                new org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators());
        for (var scope : scopes) {
            boolean members = scope instanceof org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
            for (Lang lang : Lang.values()) {
                List<BotCommand> cmds = new ArrayList<>();
                for (Command c : core.menu()) {
                    if (members && c.access() == Access.CHAT_ADMIN) {
                        continue;
                    }
                    if (c.name().matches("[a-z0-9_]{1,32}")) {
                        cmds.add(new BotCommand(c.name(), HtmlRenderer.shortPlain(c.description(lang), 256)));
                    }
                }
                SetMyCommands.SetMyCommandsBuilder<?, ?> b = SetMyCommands.builder().commands(cmds).scope(scope);
                if (lang != Lang.RU) {
                    b.languageCode(lang.code());
                }
                TelegramSender.Result<Boolean> r = sender.call(b.build());
                if (r.outcome() != TelegramSender.Outcome.OK) {
                    LOG.warn("the {} command menu ({}) was not published: {}", lang.code(), scope.getType(), r.detail());
                }
            }
        }
    }

    /** Hands each polled update to its chat's queue; never blocks longer than the bot is overloaded. */
    private final class Consumer implements LongPollingUpdateConsumer {
        @Override
        public void consume(List<Update> updates) {
            // kept before consume() returns: the poller's next getUpdates confirms them to Telegram
            keepReceived(updates);
            for (Update u : updates) {
                if (u == null || u.getUpdateId() == null) {
                    continue;
                }
                if (replayed.remove(u.getUpdateId())) {
                    handled.add((long) u.getUpdateId()); // kept again just above: let it go once more
                    continue; // handled from the inbox already (the crash came before Telegram was told)
                }
                answerNow(u);
                if (!dispatch(u)) {
                    return;
                }
            }
        }
    }

    /** Queues one update in its chat's lane; false when the bot is shutting down (the update is not taken). */
    private boolean dispatch(Update u) {
        int id = u.getUpdateId();
        try {
            capacity.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // shutting down: this and later updates stay unconfirmed (or kept) and come again next start
        }
        String key = UpdateHandler.key(u);
        pending.add(id);
        ChatQueues.Admission a = queues.submit(key, () -> {
            try {
                handler.handle(u);
            } catch (RuntimeException e) {
                LOG.error("update {} failed: {}", id, Tokens.describe(e));
            } finally {
                pending.remove(id);
                handled.add((long) id);
                capacity.release();
            }
        }, false);
        if (a == ChatQueues.Admission.CLOSED) {
            capacity.release();
            return false; // stays pending: not confirmed (or stays kept)
        }
        maxSeen.accumulateAndGet(id, Math::max);
        if (a == ChatQueues.Admission.FULL) {
            pending.remove(id);
            handled.add((long) id);
            capacity.release();
            flooded(key, u);
        }
        return true;
    }

    // ---------------------------------------------------------------- kept updates and replies

    /**
     * Keeps updates and replies in {@code store}: updates are written before Telegram is told they
     * arrived and removed once handled, so a stop or a crash mid-way loses none (after a crash, one
     * handled in the last moments may be handled again); replies the Bot API cannot take wait in the
     * store's outbox. Call before {@link #start()}.
     */
    public void keepIn(coach.store.Store store) {
        keepIn(store, java.time.Clock.systemUTC());
    }

    /** {@link #keepIn(coach.store.Store)} with the clock that ages kept replies (tests move it). */
    public void keepIn(coach.store.Store store, java.time.Clock clock) {
        if (started.get()) {
            throw new IllegalStateException("keepIn() comes before start()");
        }
        this.inbox = store.inbox();
        this.outbox = new ReplyOutbox(store.outbox(), sender, queues, config.delivery(), clock);
        sender.useOutbox(outbox);
    }

    private void keepReceived(List<Update> updates) {
        coach.store.Inbox box = inbox;
        if (box == null || updates.isEmpty()) {
            return;
        }
        List<coach.store.Inbox.Item> items = new ArrayList<>(updates.size());
        java.time.Instant now = java.time.Instant.now();
        for (Update u : updates) {
            if (u != null && u.getUpdateId() != null) {
                try {
                    items.add(new coach.store.Inbox.Item(u.getUpdateId(), JSON.writeValueAsString(u), now));
                } catch (IOException e) {
                    LOG.warn("update {} cannot be kept: {}", u.getUpdateId(), e.getMessage());
                }
            }
        }
        try {
            box.add(items);
        } catch (coach.store.StoreException e) {
            LOG.error("{} received updates could not be kept (they are handled, but a stop now would lose them): {}", items.size(), e.getMessage());
        }
    }

    /** Removes handled updates from the inbox, in one transaction (every few hundred milliseconds, and at shutdown). */
    private void flushHandled() {
        coach.store.Inbox box = inbox;
        List<Long> done = new ArrayList<>();
        for (Long id; (id = handled.poll()) != null; ) {
            done.add(id);
        }
        if (box == null || done.isEmpty()) {
            return;
        }
        try {
            box.remove(done);
        } catch (coach.store.StoreException e) {
            handled.addAll(done);
            LOG.warn("handled updates could not be marked as done yet: {}", e.getMessage());
        }
    }

    /** Updates kept from before a stop or a crash, handled first (those older than the reply age limit are dropped). */
    private void replayKept() {
        coach.store.Inbox box = inbox;
        if (box == null) {
            return;
        }
        List<coach.store.Inbox.Item> kept = box.all();
        if (kept.isEmpty()) {
            return;
        }
        java.time.Instant oldest = java.time.Instant.now().minus(config.delivery().replyMaxAge());
        int replayed = 0;
        List<Long> dropped = new ArrayList<>();
        for (coach.store.Inbox.Item item : kept) {
            Update u;
            try {
                u = JSON.readValue(item.payload(), Update.class);
            } catch (IOException | RuntimeException e) {
                u = null;
            }
            if (u == null || u.getUpdateId() == null || item.receivedAt().isBefore(oldest)) {
                dropped.add(item.id());
                continue;
            }
            if (!dispatch(u)) {
                break;
            }
            this.replayed.add(u.getUpdateId());
            replayed++;
        }
        box.remove(dropped);
        LOG.warn("{} updates left unfinished by the last run are handled now{}", replayed,
                dropped.isEmpty() ? "" : " (" + dropped.size() + " too old or unreadable were dropped)");
    }

    private void flooded(String key, Update u) {
        long now = System.nanoTime();
        Long last = floodNotices.get(key);
        if (!UpdateHandler.isChatMessage(u) || last != null && now - last < TimeUnit.MINUTES.toNanos(1)) {
            return;
        }
        floodNotices.put(key, now);
        if (floodNotices.size() > 10_000) {
            floodNotices.clear();
        }
        LOG.info("chat {} floods the bot: further messages are skipped for now", key);
        queues.submit(key, () -> handler.floodNotice(u), true);
    }

    private Response observePoll(Interceptor.Chain chain) throws IOException {
        try {
            Response r = chain.proceed(chain.request());
            if (!r.isSuccessful() && !closing.get()) {
                LOG.warn("{} answered HTTP {}", "getUpdates", r.code());
            }
            return r;
        } catch (IOException e) {
            if (!closing.get()) {
                LOG.warn("polling failed: {}", Tokens.describe(e));
            }
            throw e;
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops polling, then the hooks, lets updates in progress finish (up to the drain timeout; sends
     * that would wait longer are given up), confirms the handled updates to Telegram so they do not
     * come again, and stops every thread. Safe to call twice and from a shutdown hook.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                closed.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        long t0 = System.nanoTime();
        long deadline = t0 + config.drainTimeout().toNanos();
        sender.stopBy(deadline);
        try {
            TelegramBotsLongPollingApplication a = app;
            if (a != null) {
                try {
                    a.close();
                } catch (Exception e) {
                    LOG.debug("stopping polling: {}", Tokens.describe(e));
                }
            }
            pollHttp.dispatcher().cancelAll();
            pollExecutor.shutdownNow();
            pollExecutor.awaitTermination(2, TimeUnit.SECONDS);
            List<Hook> hs = new ArrayList<>(hooks);
            Collections.reverse(hs);
            for (Hook h : hs) {
                try {
                    h.close();
                } catch (Exception e) {
                    LOG.warn("closing a component failed: {}", Tokens.describe(e));
                }
            }
            if (outbox != null) {
                outbox.close();
            }
            long left = Math.max(0, deadline - System.nanoTime()) / 1_000_000 + 500;
            if (!queues.drain(left)) {
                int unfinished = pending.size();
                sendHttp.dispatcher().cancelAll();
                queues.shutdownNow();
                queues.awaitTermination(1000);
                if (inbox != null) {
                    LOG.warn("shutdown: {} updates were not finished; they are kept in the store and handled on the next start", unfinished);
                } else {
                    LOG.warn("shutdown: {} updates were not finished; without a store to keep them, those Telegram was already told about are lost", unfinished);
                }
            }
            if (inboxFlusher != null) {
                inboxFlusher.shutdownNow();
                inboxFlusher.awaitTermination(1, TimeUnit.SECONDS);
            }
            flushHandled();
            confirmHandled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queues.shutdownNow();
            answers.shutdownNow();
            sendHttp.dispatcher().cancelAll();
            httpExecutor.shutdownNow();
            connectionPool.evictAll();
            LOG.info("Telegram bot stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            closed.countDown();
        }
    }

    /** getUpdates with the next offset and no wait, so Telegram forgets the updates the bot has handled. */
    private void confirmHandled() {
        if (maxSeen.get() == 0) {
            return;
        }
        // with an inbox the unfinished ones are kept in the store: everything seen may be confirmed
        int offset = pending.isEmpty() || inbox != null ? maxSeen.get() + 1 : pending.first();
        try {
            OkHttpClient quick = sendHttp.newBuilder().callTimeout(Duration.ofSeconds(2)).build();
            TelegramUrl url = new TelegramUrl(config.scheme(), config.host(), config.port(), false);
            new OkHttpTelegramClient(new ObjectMapper(), quick, config.token(), url).execute(new LenientGetUpdates(offset, 1, 0, ALLOWED_UPDATES));
        } catch (TelegramApiException | RuntimeException e) {
            LOG.info("shutdown: could not confirm handled updates ({}); Telegram may send some again", Tokens.describe(e));
        }
    }
}
