package coach.telegram;

import coach.core.Button;
import coach.core.ChatEvents;
import coach.core.ChatSender;
import coach.core.Document;
import coach.core.Photo;
import coach.core.Reply;
import coach.core.SendResult;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Everything the bot sends goes through here: replies to users and messages the coach starts itself
 * (daily tips, as a {@link ChatSender}). It renders replies as Telegram HTML, enforces the send
 * limits (per chat and overall), retries rate limits ({@code retry_after}), server errors and network
 * failures a bounded number of times with backoff, and remembers chats that refused the bot (403):
 * it reports them to {@link ChatEvents#botRemoved} once and sends nothing more there until the chat
 * writes to the bot again. Calls block the calling thread while they wait. With an outbox
 * ({@link ReplyOutbox}) a reply gets one quick retry and is then kept for later instead of waiting
 * out an outage on a worker; daily tips ({@link #send}) are never repeated when their outcome is unknown.
 */
public final class TelegramSender implements ChatSender {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);

    /** Where a reply goes: a chat, optionally a forum topic and a message to answer. */
    record Target(String chatId, Integer threadId, Integer replyTo) {
        static Target chat(String chatId) {
            return new Target(chatId, null, null);
        }

        Target withoutReply() {
            return new Target(chatId, threadId, null);
        }
    }

    /** How one Bot API call ended after retries; UNKNOWN: it went out but no answer came (it may have arrived). */
    enum Outcome { OK, FORBIDDEN, BAD_HTML, EDIT_IMPOSSIBLE, NOT_MODIFIED, FAILED, UNKNOWN }

    /** @param retryable a failure worth another try later (429, 5xx, no answer at all) rather than a refusal */
    record Result<T>(Outcome outcome, T value, String detail, boolean retryable, Long migrateTo) {
        Result(Outcome outcome, T value, String detail) {
            this(outcome, value, detail, false, null);
        }

        Result(Outcome outcome, T value, String detail, boolean retryable) {
            this(outcome, value, detail, retryable, null);
        }
    }

    /** What became of a reply when an outbox is in use: the result, and the messages left to send later (empty if none). */
    record Delivered(SendResult result, List<Outgoing> rest) {
    }

    private final TelegramClient client;
    private final TelegramConfig.Limits limits;
    private final TelegramConfig.Retry retry;
    private final ChatEvents events;
    private final RetryPolicy<Object> retryPolicy;
    /** For messages that must never arrive twice (daily tips): only what surely did not arrive is tried again. */
    private final RetryPolicy<Object> onceRetryPolicy;
    /** Replies when an outbox keeps what fails: one quick retry, short rate-limit waits only; the rest goes to the outbox. */
    private final RetryPolicy<Object> replyPolicy;
    /** A single attempt (the outbox's own sends: it backs off per chat itself). */
    private final RetryPolicy<Object> singleAttempt = RetryPolicy.builder().withMaxRetries(0).build();
    private final TelegramConfig.Delivery delivery;
    private volatile ReplyOutbox outbox;
    /** The outbox does not sit on a worker waiting for a chat's send permit: it tries again a moment later. */
    private static final Duration OUTBOX_PERMIT_WAIT = Duration.ofMillis(50);
    static final String SEND_LIMIT = "send limit:";
    private final ThreadLocal<Duration> permitWait = new ThreadLocal<>();
    private final RateLimiter<Object> global;
    private final Map<String, ChatLimiter> perChat = new ConcurrentHashMap<>();
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private final AtomicLong acquisitions = new AtomicLong();
    /** Once the bot is stopping: no wait (for a permit, a retry) may end later than this (System.nanoTime). */
    private volatile long deadline;
    private volatile boolean stopping;
    private volatile BotMetrics metrics;
    /** Send limits kept in the store, shared by replicas (null: this process's own limiters). */
    private volatile coach.store.SendPace pace;
    private final java.util.concurrent.atomic.AtomicBoolean paceFailed = new java.util.concurrent.atomic.AtomicBoolean();

    private static final class ChatLimiter {
        final RateLimiter<Object> spacing;
        final RateLimiter<Object> window;
        volatile long lastUsed = System.nanoTime();

        ChatLimiter(RateLimiter<Object> spacing, RateLimiter<Object> window) {
            this.spacing = spacing;
            this.window = window;
        }
    }

    TelegramSender(TelegramClient client, TelegramConfig config, ChatEvents events) {
        this.client = client;
        this.limits = config.limits();
        this.retry = config.retry();
        this.events = events;
        this.global = limits.globalPerSecond() > 0
                ? RateLimiter.smoothBuilder(limits.globalPerSecond(), Duration.ofSeconds(1)).build() : null;
        this.delivery = config.delivery();
        this.retryPolicy = policy(this::isTransient, retry.maxRetries());
        this.onceRetryPolicy = policy(e -> isTransient(e) && !mayHaveArrived(e), retry.maxRetries());
        this.replyPolicy = policy(e -> isTransient(e) && shortWait(e), 1);
    }

    /** A rate limit that asks for a longer wait than a reply should spend in line. */
    private boolean shortWait(Throwable e) {
        Integer after = retryAfter(e);
        return after == null || after <= delivery.inlineRetryAfter().toSeconds();
    }

    void useMetrics(BotMetrics m) {
        this.metrics = m;
    }

    /** The send limits are reserved in the store, so they hold over every replica sending for the bot. */
    void usePace(coach.store.SendPace p) {
        this.pace = p;
    }

    /** setWebhook (a multipart call), with the usual retries of transient failures. */
    Result<Boolean> setWebhook(org.telegram.telegrambots.meta.api.methods.updates.SetWebhook m) {
        return call(() -> client.execute(m), retryPolicy, false);
    }

    /** Replies that cannot be sent now are kept here and sent when the Bot API is back (set before the bot starts). */
    void useOutbox(ReplyOutbox o) {
        this.outbox = o;
    }

    private RetryPolicy<Object> policy(dev.failsafe.function.CheckedPredicate<Throwable> retryIf, int maxRetries) {
        return RetryPolicy.builder()
                .handleIf(retryIf)
                .withMaxRetries(maxRetries)
                .withBackoff(retry.backoffStart(), retry.backoffMax())
                .withDelayFn(ctx -> {
                    Integer after = retryAfter(ctx.getLastException());
                    return after == null ? Duration.ofMillis(-1) : Duration.ofSeconds(Math.max(1, after));
                })
                .onRetry(e -> LOG.info("retrying a Bot API call (attempt {}): {}", e.getAttemptCount() + 1, Tokens.describe(e.getLastException())))
                .build();
    }

    /**
     * The bot is stopping: sends still go out, but nothing waits (for a send permit or a retry) past
     * {@code deadlineNanos}; what would is given up as FAILED, so shutdown stays within its time.
     */
    void stopBy(long deadlineNanos) {
        this.deadline = deadlineNanos;
        this.stopping = true;
    }

    private Duration waitAllowed() {
        if (!stopping) {
            return limits.maxWait();
        }
        long left = deadline - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(left, limits.maxWait().toNanos()));
    }

    // ---------------------------------------------------------------- ChatSender

    /**
     * A message the coach starts itself (a daily tip): never sent twice. A call that went out without an
     * answer (a read timeout, a reset connection, a server error) is not repeated but reported as
     * {@link SendResult.Status#UNKNOWN}; only what surely did not arrive (429, no connection) is retried.
     */
    @Override
    public SendResult send(String chatId, Reply reply) {
        SendResult r = deliver(Target.chat(chatId), reply, null, true);
        BotMetrics m = metrics;
        if (m != null) {
            m.tipDelivery(r.status().name());
        }
        return r;
    }

    /** Whether the chat refused the bot (403) and has not written since. */
    public boolean isForbidden(String chatId) {
        return forbidden.contains(chatId);
    }

    /** The chat talks to the bot again (a message in a private chat, the bot added back): sending is allowed again. */
    void allow(String chatId) {
        forbidden.remove(chatId);
    }

    /** Records a refusal and tells the listeners once. */
    void markForbidden(String chatId, String why) {
        if (forbidden.add(chatId)) {
            LOG.info("chat {} refused the bot ({}); not sending there any more", chatId, Tokens.mask(why));
            try {
                events.botRemoved(chatId);
            } catch (RuntimeException e) {
                LOG.error("botRemoved listener failed for chat {}: {}", chatId, Tokens.describe(e));
            }
        }
    }

    // ---------------------------------------------------------------- replies

    /**
     * Sends one reply: its text (split into parts of at most 4096 characters, the buttons under the last
     * part), then its document. With {@code editMessageId} a reply marked as an edit replaces that
     * message when it fits into one; otherwise, or when Telegram cannot edit it, it is sent anew.
     */
    SendResult deliver(Target t, Reply reply, Integer editMessageId) {
        return deliver(t, reply, editMessageId, false);
    }

    /**
     * Sends a handler's replies in order; only the first may answer a message or replace the pressed
     * one. With an outbox: a chat that has replies waiting there gets these queued behind them, and a
     * reply the Bot API cannot take now (after one quick retry) is kept there with everything after
     * it, to be sent in order when the API is back.
     */
    void deliverAll(Target t, List<Reply> replies, Integer editMessageId) {
        deliverAll(t, replies, editMessageId, r -> { });
    }

    /** {@link #deliverAll(Target, List, Integer)}, calling {@code before} right before each reply is sent now. */
    void deliverAll(Target t, List<Reply> replies, Integer editMessageId, java.util.function.Consumer<Reply> before) {
        ReplyOutbox box = outbox;
        if (box != null && box.waiting(t.chatId())) {
            List<Outgoing> later = new ArrayList<>();
            boolean first = true;
            for (Reply r : replies) {
                later.addAll(render(first ? t : t.withoutReply(), r, first ? editMessageId : null));
                first = false;
            }
            box.keep(t.chatId(), later);
            return;
        }
        boolean first = true;
        for (int i = 0; i < replies.size(); i++) {
            Target to = first ? t : t.withoutReply();
            before.accept(replies.get(i));
            SendResult res;
            if (box != null) {
                Delivered d = deliverKeeping(to, replies.get(i), first ? editMessageId : null);
                res = d.result();
                if (d.result().ok()) {
                    box.recovered();
                }
                if (!d.rest().isEmpty()) {
                    List<Outgoing> later = new ArrayList<>(d.rest());
                    for (int j = i + 1; j < replies.size(); j++) {
                        later.addAll(render(t.withoutReply(), replies.get(j), null));
                    }
                    box.keep(t.chatId(), later);
                    return;
                }
            } else {
                res = deliver(to, replies.get(i), first ? editMessageId : null);
            }
            first = false;
            if (res.status() == SendResult.Status.FORBIDDEN) {
                return;
            }
            if (!res.ok()) {
                LOG.warn("a reply to chat {} was not delivered: {}", t.chatId(), res.detail());
            }
        }
    }

    /** A reply as the messages it is sent as: its text parts, then its photo, then its document; the buttons under the last one. */
    List<Outgoing> render(Target t, Reply reply, Integer editMessageId) {
        List<String> rendered = HtmlRenderer.html(reply.text());
        Document doc = reply.document();
        Photo photo = reply.photo();
        List<List<Button>> buttons = reply.buttons();
        boolean hasButtons = keyboard(buttons) != null;
        List<String> parts = rendered.isEmpty() && doc == null && photo == null && hasButtons ? List.of("…") : rendered;
        Integer edit = editMessageId != null && reply.edit() && parts.size() == 1 && doc == null && photo == null ? editMessageId : null;
        List<Outgoing> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1 && doc == null && photo == null;
            out.add(Outgoing.text(t, i == 0 ? t.replyTo() : null, edit, parts.get(i), last ? buttons : List.of()));
        }
        if (photo != null) {
            out.add(Outgoing.photo(t, photo.fileName(), photo.content(), doc == null ? buttons : List.of()));
        }
        if (doc != null) {
            out.add(Outgoing.document(t, doc.fileName(), doc.content(), parts.isEmpty() ? buttons : List.of()));
        }
        return out;
    }

    /** {@link #deliver} for the outbox: what could not be sent for a transient reason is handed back, not retried at length. */
    private Delivered deliverKeeping(Target t, Reply reply, Integer editMessageId) {
        if (forbidden.contains(t.chatId())) {
            return new Delivered(SendResult.forbidden("the chat refused the bot earlier"), List.of());
        }
        List<Outgoing> units = render(t, reply, editMessageId);
        for (int i = 0; i < units.size(); i++) {
            Result<?> r = sendUnit(units.get(i), replyPolicy);
            if (r.outcome() == Outcome.BAD_HTML) {
                LOG.warn("Telegram refused our HTML in chat {} ({}); sending plain text", t.chatId(), r.detail());
                List<String> plain = HtmlRenderer.plain(coach.core.Rich.of(reply.text().plain()));
                InlineKeyboardMarkup markup = keyboard(reply.buttons());
                return new Delivered(sendPlain(t, plain, reply.document() == null ? markup : null, reply.document(), markup, false), List.of());
            }
            if (r.outcome() == Outcome.FAILED && r.retryable()) {
                return new Delivered(toSendResult(r), units.subList(i, units.size()));
            }
            SendResult s = toSendResult(r);
            if (!s.ok()) {
                return new Delivered(s, List.of());
            }
        }
        return new Delivered(SendResult.sent(), List.of());
    }

    /** One attempt at a kept message (the outbox backs off per chat itself). */
    Result<?> sendOnce(Outgoing u) {
        if (forbidden.contains(u.chatId())) {
            return new Result<>(Outcome.FORBIDDEN, null, "the chat refused the bot earlier");
        }
        permitWait.set(OUTBOX_PERMIT_WAIT);
        try {
            Result<?> r = sendUnit(u, singleAttempt);
            if (r.outcome() == Outcome.BAD_HTML && u.html() != null) {
                r = limited(u.chatId(), singleAttempt, false, () -> client.execute(SendMessage.builder().chatId(u.chatId())
                        .text(HtmlRenderer.shortPlain(u.html().replaceAll("<[^>]*>", ""), HtmlRenderer.MAX_CHARS)).messageThreadId(u.threadId())
                        .replyMarkup(keyboard(u.buttons())).build()));
            }
            return r;
        } finally {
            permitWait.remove();
        }
    }

    /** Sends one message: an edit when it may replace the pressed one (a new message if Telegram cannot edit it). */
    private Result<?> sendUnit(Outgoing u, RetryPolicy<Object> policy) {
        InlineKeyboardMarkup markup = keyboard(u.buttons());
        if (u.editId() != null) {
            Result<Serializable> r = limited(u.chatId(), policy, false, () -> client.execute(EditMessageText.builder()
                    .chatId(u.chatId()).messageId(u.editId()).text(u.html()).parseMode(ParseMode.HTML)
                    .linkPreviewOptions(noPreview()).replyMarkup(markup).build()));
            switch (r.outcome()) {
                case OK, NOT_MODIFIED, FORBIDDEN -> {
                    return r;
                }
                default -> {
                    if (r.retryable()) {
                        return r;
                    }
                    LOG.debug("editing message {} in chat {} failed ({}); sending a new one", u.editId(), u.chatId(), r.detail());
                }
            }
        }
        if (u.docName() != null && u.photo()) {
            return limited(u.chatId(), policy, false, () -> client.execute(SendPhoto.builder().chatId(u.chatId())
                    .photo(new InputFile(new ByteArrayInputStream(u.docContent()), HtmlRenderer.shortPlain(u.docName(), 128)))
                    .messageThreadId(u.threadId()).replyMarkup(markup).build()));
        }
        if (u.docName() != null) {
            return limited(u.chatId(), policy, false, () -> client.execute(SendDocument.builder().chatId(u.chatId())
                    .document(new InputFile(new ByteArrayInputStream(u.docContent()), HtmlRenderer.shortPlain(u.docName(), 128)))
                    .messageThreadId(u.threadId()).replyMarkup(markup).build()));
        }
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(u.chatId()).text(u.html()).parseMode(ParseMode.HTML)
                .linkPreviewOptions(noPreview()).replyMarkup(markup).messageThreadId(u.threadId());
        if (u.replyTo() != null) {
            b.replyParameters(ReplyParameters.builder().messageId(u.replyTo()).allowSendingWithoutReply(true).build());
        }
        SendMessage m = b.build();
        return limited(u.chatId(), policy, false, () -> client.execute(m));
    }

    private SendResult deliver(Target t, Reply reply, Integer editMessageId, boolean once) {
        if (forbidden.contains(t.chatId())) {
            return SendResult.forbidden("the chat refused the bot earlier");
        }
        List<String> rendered = HtmlRenderer.html(reply.text());
        InlineKeyboardMarkup markup = keyboard(reply.buttons());
        Document doc = reply.document();
        Photo photo = reply.photo();
        if (editMessageId != null && reply.edit() && rendered.size() == 1 && doc == null && photo == null) {
            Result<Serializable> r = limited(t.chatId(), once, () -> client.execute(EditMessageText.builder()
                    .chatId(t.chatId()).messageId(editMessageId).text(rendered.get(0)).parseMode(ParseMode.HTML)
                    .linkPreviewOptions(noPreview()).replyMarkup(markup).build()));
            switch (r.outcome()) {
                case OK, NOT_MODIFIED -> {
                    return SendResult.sent();
                }
                case FORBIDDEN -> {
                    return SendResult.forbidden(r.detail());
                }
                default -> LOG.debug("editing message {} in chat {} failed ({}); sending a new one", editMessageId, t.chatId(), r.detail());
            }
        }
        List<String> parts = rendered.isEmpty() && doc == null && photo == null && markup != null ? List.of("…") : rendered;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            Result<?> r = sendText(t, parts.get(i), true, i == 0 ? t.replyTo() : null, last && doc == null && photo == null ? markup : null, once);
            if (r.outcome() == Outcome.BAD_HTML) {
                // Should not happen (every piece is escaped); rather than lose the message, send the rest as plain text.
                LOG.warn("Telegram refused our HTML in chat {} ({}); sending plain text", t.chatId(), r.detail());
                List<String> plain = HtmlRenderer.plain(coach.core.Rich.of(reply.text().plain()));
                return sendPlain(t, plain, doc == null ? markup : null, doc, markup, once);
            }
            SendResult s = toSendResult(r);
            if (!s.ok()) {
                return s;
            }
        }
        if (photo != null) {
            // the buttons go under the photo unless a document follows
            SendResult s = toSendResult(sendPhoto(t, photo, doc == null ? markup : null, once));
            if (!s.ok() || doc == null) {
                return s;
            }
        }
        if (doc != null) {
            return toSendResult(sendDocument(t, doc, parts.isEmpty() ? markup : null, once));
        }
        return SendResult.sent();
    }

    private Result<?> sendPhoto(Target t, Photo photo, InlineKeyboardMarkup markup, boolean once) {
        return limited(t.chatId(), once, () -> client.execute(SendPhoto.builder().chatId(t.chatId())
                .photo(new InputFile(new ByteArrayInputStream(photo.content()), HtmlRenderer.shortPlain(photo.fileName(), 128)))
                .messageThreadId(t.threadId()).replyMarkup(markup).build()));
    }

    private SendResult sendPlain(Target t, List<String> parts, InlineKeyboardMarkup lastMarkup, Document doc, InlineKeyboardMarkup markup, boolean once) {
        for (int i = 0; i < parts.size(); i++) {
            SendResult s = toSendResult(sendText(t, parts.get(i), false, null, i == parts.size() - 1 ? lastMarkup : null, once));
            if (!s.ok()) {
                return s;
            }
        }
        return doc == null ? SendResult.sent() : toSendResult(sendDocument(t, doc, parts.isEmpty() ? markup : null, once));
    }

    private Result<?> sendText(Target t, String text, boolean html, Integer replyTo, InlineKeyboardMarkup markup, boolean once) {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(t.chatId()).text(text)
                .linkPreviewOptions(noPreview()).replyMarkup(markup).messageThreadId(t.threadId());
        if (html) {
            b.parseMode(ParseMode.HTML);
        }
        if (replyTo != null) {
            b.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
        }
        SendMessage m = b.build();
        return limited(t.chatId(), once, () -> client.execute(m));
    }

    private Result<?> sendDocument(Target t, Document doc, InlineKeyboardMarkup markup, boolean once) {
        return limited(t.chatId(), once, () -> client.execute(SendDocument.builder().chatId(t.chatId())
                .document(new InputFile(new ByteArrayInputStream(doc.content()), HtmlRenderer.shortPlain(doc.fileName(), 128)))
                .messageThreadId(t.threadId()).replyMarkup(markup).build()));
    }

    private static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }

    /** Buttons as an inline keyboard; a button whose data Telegram would refuse is left out (and logged). */
    static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        List<InlineKeyboardRow> out = new ArrayList<>();
        for (List<Button> row : rows) {
            InlineKeyboardRow r = new InlineKeyboardRow();
            for (Button b : row) {
                if (b.isCopy()) {
                    String label = HtmlRenderer.shortPlain(b.label(), 64);
                    r.add(InlineKeyboardButton.builder().text(label.isEmpty() ? "⧉" : label)
                            .copyText(new org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.CopyTextButton(b.copyText())).build());
                    continue;
                }
                int bytes = b.data().getBytes(StandardCharsets.UTF_8).length;
                String label = HtmlRenderer.shortPlain(b.label(), 64);
                if (bytes == 0 || bytes > Button.MAX_DATA_BYTES || label.isEmpty()) {
                    LOG.warn("button left out: data of {} bytes, label of {} chars", bytes, label.length());
                    continue;
                }
                r.add(InlineKeyboardButton.builder().text(label).callbackData(b.data()).build());
            }
            if (!r.isEmpty()) {
                out.add(r);
            }
        }
        return out.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(out).build();
    }

    private static SendResult toSendResult(Result<?> r) {
        return switch (r.outcome()) {
            case OK, NOT_MODIFIED -> SendResult.sent();
            case FORBIDDEN -> SendResult.forbidden(r.detail());
            case UNKNOWN -> SendResult.unknown(r.detail());
            default -> SendResult.failed(r.detail());
        };
    }

    // ---------------------------------------------------------------- calls

    /** A message to a chat: waits for the chat's and the global send permits, then calls with retries. */
    private <T> Result<T> limited(String chatId, boolean once, CheckedSupplier<T> call) {
        return limited(chatId, once ? onceRetryPolicy : retryPolicy, once, call);
    }

    private <T> Result<T> limited(String chatId, RetryPolicy<Object> policy, boolean once, CheckedSupplier<T> call) {
        try {
            if (!acquire(chatId)) {
                // not sent at all: safe to keep for later
                return new Result<>(Outcome.FAILED, null, stopping ? "the bot is stopping" : SEND_LIMIT + " waited longer than "
                        + (permitWait.get() != null ? permitWait.get() : limits.maxWait()), true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result<>(Outcome.FAILED, null, "interrupted", true);
        }
        Result<T> r = call(call, policy, once);
        if (r.migrateTo() != null) {
            // the group became a supergroup: what is kept for it follows (the next message goes to the new id)
            String to = String.valueOf(r.migrateTo());
            LOG.info("chat {} was upgraded to supergroup {} (told by the Bot API)", chatId, to);
            try {
                events.chatMigrated(chatId, to);
            } catch (RuntimeException e) {
                LOG.error("moving chat {} to {} failed: {}", chatId, to, Tokens.describe(e));
            }
        }
        if (r.outcome() == Outcome.FORBIDDEN) {
            markForbidden(chatId, r.detail());
        }
        return r;
    }

    /** A Bot API call (any method) with bounded retries of transient failures; never throws. */
    <T extends Serializable> Result<T> call(BotApiMethod<T> method) {
        return call(() -> client.execute(method), retryPolicy, false);
    }

    private <T> Result<T> call(CheckedSupplier<T> call, RetryPolicy<Object> policy, boolean once) {
        BotMetrics m = metrics;
        try {
            Result<T> ok = new Result<>(Outcome.OK, Failsafe.with(policy).get(call), "");
            if (m != null) {
                m.replySent();
            }
            return ok;
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            countError(m, cause);
            return classified(cause, once);
        } catch (RuntimeException e) {
            countError(m, e);
            return classified(e, once);
        }
    }

    private static void countError(BotMetrics m, Throwable e) {
        if (m != null) {
            m.sendError(e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0
                    ? String.valueOf(r.getErrorCode()) : "network");
        }
    }

    private static <T> Result<T> classified(Throwable cause, boolean once) {
        Result<T> r = failure(cause);
        if (once && r.outcome() == Outcome.FAILED && r.migrateTo() == null && mayHaveArrived(cause)) {
            return new Result<>(Outcome.UNKNOWN, null, r.detail());
        }
        return r;
    }

    /**
     * Whether a failed call may have been carried out all the same: it went out and no definite answer
     * came back (a read timeout, a reset connection, a server or gateway error). A 429, any other API
     * answer, or a connection that never opened says it was not.
     */
    static boolean mayHaveArrived(Throwable e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            return r.getErrorCode() >= 500;
        }
        if (e instanceof TelegramApiValidationException) {
            return false;
        }
        for (Throwable x = e; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x instanceof java.net.ConnectException || x instanceof java.net.UnknownHostException
                    || x instanceof java.net.NoRouteToHostException
                    || x instanceof java.net.SocketTimeoutException && String.valueOf(x.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
                return false;
            }
        }
        return true;
    }

    private static <T> Result<T> failure(Throwable e) {
        String detail = Tokens.describe(e);
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null) {
            int code = r.getErrorCode();
            String desc = r.getApiResponse() == null ? "" : r.getApiResponse().toLowerCase(Locale.ROOT);
            if (code == 403 || code == 400 && (desc.contains("chat not found") || desc.contains("bot was kicked")
                    || desc.contains("user is deactivated") || desc.contains("not enough rights to send"))) {
                return new Result<>(Outcome.FORBIDDEN, null, detail);
            }
            if (r.getParameters() != null && r.getParameters().getMigrateToChatId() != null) {
                return new Result<>(Outcome.FAILED, null, detail, false, r.getParameters().getMigrateToChatId());
            }
            if (code == 400 && desc.contains("message is not modified")) {
                return new Result<>(Outcome.NOT_MODIFIED, null, detail);
            }
            if (code == 400 && desc.contains("parse entities")) {
                return new Result<>(Outcome.BAD_HTML, null, detail);
            }
            if (code == 400 && (desc.contains("message to edit not found") || desc.contains("can't be edited")
                    || desc.contains("no text in the message"))) {
                return new Result<>(Outcome.EDIT_IMPOSSIBLE, null, detail);
            }
        }
        LOG.warn("Bot API call failed: {}", detail);
        return new Result<>(Outcome.FAILED, null, detail, worthRetrying(e));
    }

    /** Rate limits (429 with an acceptable retry_after), server errors (5xx) and network failures are worth another try. */
    private boolean isTransient(Throwable e) {
        if (Thread.currentThread().isInterrupted() || e instanceof TelegramApiValidationException) {
            return false;
        }
        Integer after = retryAfter(e);
        if (stopping) {
            long wait = after != null ? Duration.ofSeconds(after).toNanos() : retry.backoffMax().toNanos();
            if (System.nanoTime() + wait > deadline) {
                return false;
            }
        }
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            int code = r.getErrorCode();
            if (code == 429) {
                return after == null || after <= retry.maxRetryAfter().toSeconds();
            }
            return code >= 500;
        }
        // no API answer at all: the network, a proxy's error page, a timeout
        return e instanceof TelegramApiException || e instanceof java.io.IOException;
    }

    /** A failure that may pass: a rate limit, a server error, no answer at all (not a refusal of the request itself). */
    static boolean worthRetrying(Throwable e) {
        if (e instanceof TelegramApiValidationException) {
            return false;
        }
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            return r.getErrorCode() == 429 || r.getErrorCode() >= 500;
        }
        return e instanceof TelegramApiException || e instanceof java.io.IOException;
    }

    static Integer retryAfter(Throwable e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() == 429
                && r.getParameters() != null && r.getParameters().getRetryAfter() != null) {
            return r.getParameters().getRetryAfter();
        }
        return null;
    }

    // ---------------------------------------------------------------- limits

    /** Waits for this chat's permit and the global one; false when that would take longer than allowed. */
    private boolean acquire(String chatId) throws InterruptedException {
        Duration own = permitWait.get();
        Duration wait = own == null || own.compareTo(waitAllowed()) > 0 ? waitAllowed() : own;
        coach.store.SendPace shared = pace;
        if (shared != null) {
            try {
                return acquireShared(shared, chatId, wait);
            } catch (coach.store.StoreException e) {
                if (paceFailed.compareAndSet(false, true)) {
                    LOG.warn("the shared send limits cannot be read ({}); this replica keeps its own limits until the store answers", e.getMessage());
                }
            }
        } else {
            paceFailed.set(false);
        }
        ChatLimiter l = limiterFor(chatId);
        if (l != null) {
            l.lastUsed = System.nanoTime();
            if (l.spacing != null && !l.spacing.tryAcquirePermit(wait)) {
                return false;
            }
            if (l.window != null && !l.window.tryAcquirePermit(wait)) {
                return false;
            }
        }
        // the overall limit is shared and short: waited for in full, so a chat's permit taken above is not wasted
        return global == null || global.tryAcquirePermit(waitAllowed());
    }

    /**
     * The same limits as the local limiters, reserved in the store (one GCRA row per chat and limit, one
     * for everything), so that every replica's messages count: the chat's slot first, then, once its
     * time has come, the overall one.
     */
    private boolean acquireShared(coach.store.SendPace shared, String chatId, Duration wait) throws InterruptedException {
        long max = wait.toMillis();
        long now = System.currentTimeMillis();
        long w = 0;
        if (chatId.startsWith("-")) {
            if (!limits.groupInterval().isZero()) {
                long x = shared.reserve("gap:" + chatId, now, limits.groupInterval().toMillis(), 0, max);
                if (x < 0) {
                    return false;
                }
                w = x;
            }
            if (limits.groupPerMinute() > 0) {
                long t = Math.max(1, 60_000 / limits.groupPerMinute());
                long x = shared.reserve("min:" + chatId, now, t, (limits.groupPerMinute() - 1) * t, max);
                if (x < 0) {
                    return false;
                }
                w = Math.max(w, x);
            }
        } else if (limits.privateBurst() > 0) {
            long t = Math.max(1, limits.privateWindow().toMillis() / limits.privateBurst());
            long x = shared.reserve("chat:" + chatId, now, t, (limits.privateBurst() - 1) * t, max);
            if (x < 0) {
                return false;
            }
            w = x;
        }
        if (w > 0) {
            Thread.sleep(w);
        }
        paceFailed.set(false);
        if (limits.globalPerSecond() <= 0) {
            return true;
        }
        long t = Math.max(1, 1000 / limits.globalPerSecond());
        long x = shared.reserve("all", System.currentTimeMillis(), t, 0, waitAllowed().toMillis());
        if (x < 0) {
            return false;
        }
        if (x > 0) {
            Thread.sleep(x);
        }
        return true;
    }

    private ChatLimiter limiterFor(String chatId) {
        if (acquisitions.incrementAndGet() % 4096 == 0) {
            long idle = System.nanoTime() - Duration.ofMinutes(5).toNanos();
            perChat.values().removeIf(x -> x.lastUsed < idle);
        }
        boolean group = chatId.startsWith("-");
        if (group ? limits.groupPerMinute() <= 0 && limits.groupInterval().isZero() : limits.privateBurst() <= 0) {
            return null;
        }
        return perChat.computeIfAbsent(chatId, id -> group
                ? new ChatLimiter(limits.groupInterval().isZero() ? null : RateLimiter.smoothBuilder(limits.groupInterval()).build(),
                        limits.groupPerMinute() <= 0 ? null : RateLimiter.burstyBuilder(limits.groupPerMinute(), Duration.ofMinutes(1)).build())
                : new ChatLimiter(null, RateLimiter.burstyBuilder(limits.privateBurst(), limits.privateWindow()).build()));
    }
}
