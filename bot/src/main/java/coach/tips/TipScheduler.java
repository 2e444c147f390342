package coach.tips;

import coach.core.ChatSender;
import coach.core.Reply;
import coach.core.SendResult;
import coach.store.Feed;
import coach.store.Store;
import coach.store.Subscription;
import coach.store.Subscriptions;
import coach.store.TipLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each subscribed chat one tip a day at its local time, and other feeds added with
 * {@link #addFeed} (the weekly team digest: once a week on its day) on the same machinery below.
 *
 * <p><b>When.</b> Every subscription stores the instant of its next slot (the local send time on a
 * local date in the chat's zone, see {@link DailySlots}). A pass ({@link #runDue()}) takes the chats
 * whose slot has come. For each it looks at the chat's <em>current</em> local date: if today's slot
 * is still ahead (the stored slot was an earlier day's, missed while the bot was down) it only
 * re-aims at today's slot, so a missed day is never sent late; if today's slot has passed, today's
 * tip is due now, so a bot that was down at the send time and is back the same local day sends on
 * start. Slots are computed per date with the zone's rules, so DST changes move nothing.
 *
 * <p><b>Exactly once.</b> Before sending, the chat's (chat, local date) delivery row is claimed in the
 * store ({@link TipLedger#claimDaily}); the unique key lets only one claim succeed, whatever the
 * number of scheduler instances or restarts. The tip is sent after the claim commits and the result
 * is recorded after the send. A crash between claim and record leaves the row "claimed": that day's
 * tip for that chat is not sent again, so it may be missed but never doubled. A sender result of
 * FAILED (transient errors the sender could not get past, e.g. a 429 storm) is retried by claiming
 * the row again, at most {@link Settings#maxAttempts} times, and only while it is still the same
 * local day; FORBIDDEN disables the subscription.
 *
 * <p><b>Threads.</b> A single-thread {@link ScheduledExecutorService} runs passes: at start, then at
 * the earliest next slot or retry, at least every {@link Settings#pollInterval} (to see changes made
 * by other instances) and at once on {@link #wake()}. Sends run on a small worker pool so one slow
 * chat (the sender waiting out a retry_after) does not hold up the others; the transport's sender
 * enforces Telegram's rate limits. {@link #close()} stops claiming, lets sends in flight finish and
 * record (up to {@link Settings#stopTimeout}), and returns.
 */
public final class TipScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TipScheduler.class);
    private static final Duration MIN_DELAY = Duration.ofMillis(200);

    /** Tuning; {@link #defaults()} suits production. */
    public record Settings(int sendThreads, Duration pollInterval, Duration retryDelay, int maxAttempts, int batchSize, Duration stopTimeout) {
        public static Settings defaults() {
            return new Settings(4, Duration.ofSeconds(60), Duration.ofMinutes(10), 3, 500, Duration.ofSeconds(8));
        }

        public Settings withSendThreads(int n) {
            return new Settings(n, pollInterval, retryDelay, maxAttempts, batchSize, stopTimeout);
        }

        public Settings withRetryDelay(Duration d) {
            return new Settings(sendThreads, pollInterval, d, maxAttempts, batchSize, stopTimeout);
        }

        public Settings withMaxAttempts(int n) {
            return new Settings(sendThreads, pollInterval, retryDelay, n, batchSize, stopTimeout);
        }

        public Settings withBatchSize(int n) {
            return new Settings(sendThreads, pollInterval, retryDelay, maxAttempts, n, stopTimeout);
        }

        public Settings withPollInterval(Duration d) {
            return new Settings(sendThreads, d, retryDelay, maxAttempts, batchSize, stopTimeout);
        }
    }

    /**
     * One kind of scheduled message: daily tips, or another feed on the same exactly-once machinery
     * (the weekly team digest). The scheduler keeps each feed's subscriptions and delivery records
     * ({@link Subscriptions}, {@link TipLedger} of its {@link Feed}) and asks the programme when and what.
     */
    public interface Programme {
        /** The local date of the chat's current slot, given today's local date: today for daily tips, this week's day for a weekly feed. */
        LocalDate period(LocalDate today, Subscription s);

        /** The date of the slot after {@code period}. */
        LocalDate next(LocalDate period);

        /** Claims the delivery of {@code date} before anything is sent; the item to send, or empty when it was claimed already. */
        Optional<String> claim(TipLedger ledger, Subscription s, LocalDate date, Instant nextSlot, String instance, Instant now);

        /** The message for a claimed item, or empty when it no longer exists. */
        Optional<Reply> message(Subscription s, String itemId, LocalDate date);

        /** For logs: "daily tip", "weekly digest". */
        String name();
    }

    private record Lane(Subscriptions subs, TipLedger ledger, Programme programme) {
    }

    /** What one pass did, and when the next one should run. */
    public record Report(int sent, int failed, int forbidden, int alreadyClaimed, int rescheduled, int retried, int expired, int errors, Instant nextWake) {
        public int attempted() {
            return sent + failed + forbidden;
        }
    }

    private final Store store;
    private final TipCatalogue catalogue;
    private final TipFormat format;
    private final ChatSender sender;
    private final Clock clock;
    private final Settings settings;
    private final String instance;
    private final ExecutorService workers;
    private final List<Lane> lanes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;
    /** The current chain of passes; a scheduled pass of an older generation does nothing (guarded by this). */
    private long generation;
    /** A pass of the current generation is running (guarded by this). */
    private boolean ticking;
    private boolean wakeRequested;
    private volatile boolean stopping;
    private volatile java.util.function.BiFunction<Subscription, Reply, Reply> extras = (s, r) -> r;

    public TipScheduler(Store store, TipCatalogue catalogue, ChatSender sender, Clock clock, Settings settings) {
        this.store = store;
        this.catalogue = catalogue;
        this.format = new TipFormat(catalogue);
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.instance = instanceId();
        this.workers = Executors.newFixedThreadPool(settings.sendThreads(), daemon("tips-send"));
        this.lanes.add(new Lane(store.subscriptions(), store.tips(), new Daily()));
    }

    /** Also delivers another feed (the weekly digest) with the same claims, retries and threads; before {@link #start()}. */
    public synchronized void addFeed(Feed feed, Programme programme) {
        if (timer != null) {
            throw new IllegalStateException("feeds are added before start()");
        }
        lanes.add(new Lane(Subscriptions.of(store, feed), TipLedger.of(store, feed), programme));
    }

    /** Daily tips: one a day from the chat's rotation, picked in the claim's transaction. */
    private final class Daily implements Programme {
        @Override
        public LocalDate period(LocalDate today, Subscription s) {
            return today;
        }

        @Override
        public LocalDate next(LocalDate period) {
            return period.plusDays(1);
        }

        @Override
        public Optional<String> claim(TipLedger ledger, Subscription s, LocalDate date, Instant nextSlot, String instance, Instant now) {
            String stream = "daily:" + s.chatId();
            return ledger.claimDaily(s.chatId(), date, nextSlot, instance, now, stream, Rotation.picker(catalogue.ids(), stream));
        }

        @Override
        public Optional<Reply> message(Subscription s, String itemId, LocalDate date) {
            return catalogue.tip(itemId).map(t -> extras.apply(s, format.daily(t, s.lang())));
        }

        @Override
        public String name() {
            return "daily tip";
        }
    }

    /** Lets another feature add to each daily tip before it is sent (e.g. quiz questions due for review in a private chat). */
    public void addToTips(java.util.function.BiFunction<Subscription, Reply, Reply> f) {
        this.extras = f == null ? (s, r) -> r : f;
    }

    /** Starts passes in the background: one now (sending what is due today), then as slots come. */
    public synchronized void start() {
        if (timer != null || stopping) {
            return;
        }
        reportInterrupted();
        lanes.forEach(l -> l.subs().unreadable()); // logged with the chat ids; those chats are skipped until fixed
        timer = Executors.newSingleThreadScheduledExecutor(daemon("tips-scheduler"));
        scheduleTick(0);
        LOG.info("daily tips scheduler started ({} subscribed chats, instance {})", store.subscriptions().countEnabled(), instance);
    }

    /** Runs a pass soon (a subscription changed); during a pass, one more pass right after it. */
    public synchronized void wake() {
        if (timer == null || stopping) {
            return;
        }
        if (ticking) {
            wakeRequested = true;
            return;
        }
        // A pass that was waiting (or has just begun and not yet checked its generation) is superseded:
        // cancel() cannot stop a task that has started, so the generation keeps the chain single.
        if (pending != null) {
            pending.cancel(false);
        }
        scheduleTick(0);
    }

    /** Schedules the next pass of a new generation (guarded by this). */
    private void scheduleTick(long delayMillis) {
        long g = ++generation;
        pending = timer.schedule(() -> tick(g), delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * One pass, on the calling thread (sends on the worker pool): sends every due daily tip and every
     * due retry, and returns what it did. Tests drive the clock and call this directly.
     */
    public Report runDue() {
        Counters k = new Counters();
        Instant next = clock.instant().plus(settings.pollInterval());
        for (Lane lane : lanes) {
            Instant n = runDue(lane, k);
            if (n.isBefore(next)) {
                next = n;
            }
        }
        return new Report(k.sent.get(), k.failed.get(), k.forbidden.get(), k.already.get(), k.rescheduled.get(),
                k.retried.get(), k.expired.get(), k.errors.get(), next);
    }

    /** One feed's part of a pass; returns when that feed needs the next one. */
    private Instant runDue(Lane lane, Counters k) {
        Set<String> seen = new HashSet<>();
        while (!stopping) {
            List<Subscription> due = lane.subs().due(clock.instant(), settings.batchSize());
            List<Subscription> fresh = due.stream().filter(s -> seen.add(s.chatId())).toList();
            // a short batch does not mean the end: unreadable rows were left out of it (and moved on)
            if (fresh.isEmpty() || !runAll(fresh, s -> deliver(lane, s, k), k)) {
                break;
            }
        }
        Set<String> retried = new HashSet<>();
        while (!stopping) {
            List<TipLedger.Retry> due = lane.ledger().retryable(clock.instant(), settings.batchSize());
            List<TipLedger.Retry> fresh = due.stream().filter(r -> retried.add(r.delivery().chatId())).toList();
            if (fresh.isEmpty() || !runAll(fresh, r -> retry(lane, r, k), k)) {
                break;
            }
            if (due.size() < settings.batchSize()) {
                break;
            }
        }
        Instant now = clock.instant();
        Instant next = now.plus(settings.pollInterval());
        Optional<Instant> d = lane.subs().earliestDue();
        if (d.isPresent() && d.get().isBefore(next)) {
            next = d.get();
        }
        Optional<Instant> r = lane.ledger().earliestRetry();
        if (r.isPresent() && r.get().isBefore(next)) {
            next = r.get();
        }
        return next;
    }

    /** Runs the tasks on the worker pool and waits for all; false if the scheduler is stopping. */
    private <T> boolean runAll(List<T> items, Consumer<T> task, Counters k) {
        List<Future<?>> futures = new ArrayList<>(items.size());
        try {
            for (T item : items) {
                futures.add(workers.submit(() -> {
                    try {
                        task.accept(item);
                    } catch (RuntimeException e) {
                        k.errors.incrementAndGet();
                        if (e instanceof coach.store.StoreException) {
                            LOG.error("daily tips: {}", e.getMessage()); // the message says it all (full disk, …): no trace
                        } else {
                            LOG.error("daily tips: {}", e.getMessage(), e);
                        }
                    }
                }));
            }
        } catch (RejectedExecutionException e) {
            // closing: tasks already submitted finish, the rest wait for the next start
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                k.errors.incrementAndGet();
            }
        }
        return !stopping;
    }

    private void deliver(Lane lane, Subscription s, Counters k) {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = DailySlots.today(now, s.zone());
        LocalDate period = lane.programme().period(today, s);
        Instant slot = DailySlots.slot(period, s.time(), s.zone());
        if (now.isBefore(slot)) {
            // the stored slot was an earlier one (missed while down): not sent late, the current one is still ahead
            lane.subs().reschedule(s.chatId(), slot);
            k.rescheduled.incrementAndGet();
            return;
        }
        Instant following = DailySlots.slot(lane.programme().next(period), s.time(), s.zone());
        if (!period.equals(today)) {
            // a weekly slot earlier this week, missed while down: not sent late either
            lane.subs().reschedule(s.chatId(), following);
            k.rescheduled.incrementAndGet();
            return;
        }
        Optional<String> item = lane.programme().claim(lane.ledger(), s, today, following, instance, now);
        if (item.isEmpty()) {
            k.already.incrementAndGet();
            return;
        }
        send(lane, s, today, item.get(), 1, k);
    }

    private void retry(Lane lane, TipLedger.Retry r, Counters k) {
        if (stopping) {
            return;
        }
        Subscription s = r.subscription();
        Instant now = clock.instant();
        LocalDate date = r.delivery().date();
        if (!DailySlots.today(now, s.zone()).equals(date)) {
            lane.ledger().expire(s.chatId(), date, now);
            k.expired.incrementAndGet();
            return;
        }
        Optional<TipLedger.Delivery> d = lane.ledger().reclaim(s.chatId(), date, instance, now, settings.maxAttempts());
        if (d.isEmpty()) {
            k.already.incrementAndGet();
            return;
        }
        k.retried.incrementAndGet();
        send(lane, s, date, d.get().tipId(), d.get().attempts(), k);
    }

    private void send(Lane lane, Subscription s, LocalDate date, String itemId, int attempt, Counters k) {
        TipLedger ledger = lane.ledger();
        String what = lane.programme().name();
        Optional<Reply> message;
        try {
            message = lane.programme().message(s, itemId, date);
        } catch (RuntimeException e) {
            message = Optional.empty();
            LOG.error("{} for chat {} could not be made: {}", what, s.chatId(), e.getMessage(), e);
        }
        if (message.isEmpty()) {
            // the catalogue changed between claim and retry, or the message could not be made: record it rather than send another
            ledger.recordFailed(s.chatId(), date, what + " " + itemId + " is not available", null, clock.instant());
            k.failed.incrementAndGet();
            return;
        }
        Reply reply = message.get();
        SendResult result;
        try {
            result = sender.send(s.chatId(), reply);
            if (result == null) {
                result = SendResult.failed("sender returned no result");
            }
        } catch (RuntimeException e) {
            result = SendResult.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        Instant after = clock.instant();
        switch (result.status()) {
            case SENT -> {
                ledger.recordSent(s.chatId(), date, after);
                k.sent.incrementAndGet();
            }
            case FORBIDDEN -> {
                ledger.recordForbidden(s.chatId(), date, result.detail(), after);
                k.forbidden.incrementAndGet();
                LOG.info("chat {} refused the {} ({}): subscription disabled", s.chatId(), what, result.detail());
            }
            case UNKNOWN -> {
                ledger.recordUnknown(s.chatId(), date, result.detail(), after);
                k.failed.incrementAndGet();
                LOG.warn("{} to chat {} went out without an answer ({}): it may or may not have arrived and is not sent again",
                        what, s.chatId(), result.detail());
            }
            case FAILED -> {
                Instant retryAt = attempt < settings.maxAttempts() ? after.plus(settings.retryDelay()) : null;
                ledger.recordFailed(s.chatId(), date, result.detail(), retryAt, after);
                k.failed.incrementAndGet();
                LOG.warn("{} to chat {} failed (attempt {} of {}): {}", what, s.chatId(), attempt, settings.maxAttempts(), result.detail());
            }
        }
    }

    private void tick(long g) {
        synchronized (this) {
            if (g != generation || stopping) {
                return; // superseded by a wake: another pass of the current generation runs instead
            }
            ticking = true;
        }
        Duration delay;
        try {
            Report r = runDue();
            delay = Duration.between(clock.instant(), r.nextWake());
            if (r.errors() > 0 && delay.compareTo(Duration.ofSeconds(5)) < 0) {
                delay = Duration.ofSeconds(5);
            }
        } catch (RuntimeException e) {
            // e.g. the database is unreachable or the disk is full: the message says which; try again later
            if (e instanceof coach.store.StoreException) {
                LOG.error("daily tips pass failed: {}", e.getMessage());
            } else {
                LOG.error("daily tips pass failed: {}", e.getMessage(), e);
            }
            delay = Duration.ofSeconds(Math.min(30, settings.pollInterval().toSeconds()));
        }
        if (delay.compareTo(MIN_DELAY) < 0) {
            delay = MIN_DELAY;
        }
        if (delay.compareTo(settings.pollInterval()) > 0) {
            delay = settings.pollInterval();
        }
        schedule(delay);
    }

    private synchronized void schedule(Duration delay) {
        ticking = false;
        if (stopping || timer == null) {
            return;
        }
        if (wakeRequested) {
            wakeRequested = false;
            delay = Duration.ZERO;
        }
        scheduleTick(delay.toMillis());
    }

    /**
     * At start: every claim without a recorded result is reported at once (a quick restart after a crash
     * must not hide them); they may or may not have arrived and are never sent again.
     */
    private void reportInterrupted() {
        Instant now = clock.instant();
        List<TipLedger.Delivery> lost = lanes.stream().flatMap(l -> l.ledger().interrupted(now.plusMillis(1)).stream())
                .filter(d -> d.claimedAt().isAfter(now.minus(Duration.ofDays(2))))
                .toList();
        if (!lost.isEmpty()) {
            String chats = lost.stream().limit(10).map(d -> d.chatId() + " on " + d.date()).collect(java.util.stream.Collectors.joining(", "));
            LOG.warn("{} daily tip(s) were claimed but their sending was never confirmed (the process stopped while sending; "
                    + "or another replica is sending them right now): {}{}. They may or may not have arrived and are not sent again.",
                    lost.size(), chats, lost.size() > 10 ? " and " + (lost.size() - 10) + " more" : "");
        }
    }

    /** Stops: no new claims; sends in flight finish and are recorded (up to the stop timeout). */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            stopping = true;
            t = timer;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("daily tips: sends still running after {}; interrupting them", settings.stopTimeout());
                workers.shutdownNow();
                workers.awaitTermination(1, TimeUnit.SECONDS);
            }
            if (t != null) {
                t.shutdownNow();
                t.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Who claims deliveries (shown in the delivery rows, for diagnosing two replicas). */
    public String instance() {
        return instance;
    }

    private static String instanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "coach";
        }
        String id = host.replaceAll("[^A-Za-z0-9._-]", "") + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 6);
        return id.length() > 64 ? id.substring(id.length() - 64) : id;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static final class Counters {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger forbidden = new AtomicInteger();
        final AtomicInteger already = new AtomicInteger();
        final AtomicInteger rescheduled = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger expired = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
    }
}
