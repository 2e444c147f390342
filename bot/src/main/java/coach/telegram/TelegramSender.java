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
 * writes to the bot again. Calls block the calling thread while they wait.
 */
public final class TelegramSender implements ChatSender {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);

    /** Where a reply goes: a chat, optionally a forum topic and a message to answer. */
    record Target(String chatId, Integer threadId, Integer replyTo) {
        static Target chat(String chatId) {
            return new Target(chatId, null, null);
        }
    }

    /** How one Bot API call ended after retries. */
    enum Outcome { OK, FORBIDDEN, BAD_HTML, EDIT_IMPOSSIBLE, NOT_MODIFIED, FAILED }

    record Result<T>(Outcome outcome, T value, String detail) {
    }

    private final TelegramClient client;
    private final TelegramConfig.Limits limits;
    private final TelegramConfig.Retry retry;
    private final ChatEvents events;
    private final RetryPolicy<Object> retryPolicy;
    private final RateLimiter<Object> global;
    private final Map<String, ChatLimiter> perChat = new ConcurrentHashMap<>();
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private final AtomicLong acquisitions = new AtomicLong();
    /** Once the bot is stopping: no wait (for a permit, a retry) may end later than this (System.nanoTime). */
    private volatile long deadline;
    private volatile boolean stopping;

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
        this.retryPolicy = RetryPolicy.builder()
                .handleIf(this::isTransient)
                .withMaxRetries(retry.maxRetries())
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

    @Override
    public SendResult send(String chatId, Reply reply) {
        return deliver(Target.chat(chatId), reply, null);
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
        if (forbidden.contains(t.chatId())) {
            return SendResult.forbidden("the chat refused the bot earlier");
        }
        List<String> rendered = HtmlRenderer.html(reply.text());
        InlineKeyboardMarkup markup = keyboard(reply.buttons());
        Document doc = reply.document();
        Photo photo = reply.photo();
        if (editMessageId != null && reply.edit() && rendered.size() == 1 && doc == null && photo == null) {
            Result<Serializable> r = limited(t.chatId(), () -> client.execute(EditMessageText.builder()
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
            Result<?> r = sendText(t, parts.get(i), true, i == 0 ? t.replyTo() : null, last && doc == null && photo == null ? markup : null);
            if (r.outcome() == Outcome.BAD_HTML) {
                // Should not happen (every piece is escaped); rather than lose the message, send the rest as plain text.
                LOG.warn("Telegram refused our HTML in chat {} ({}); sending plain text", t.chatId(), r.detail());
                List<String> plain = HtmlRenderer.plain(coach.core.Rich.of(reply.text().plain()));
                return sendPlain(t, plain, doc == null ? markup : null, doc, markup);
            }
            SendResult s = toSendResult(r);
            if (!s.ok()) {
                return s;
            }
        }
        if (photo != null) {
            // the buttons go under the photo unless a document follows
            SendResult s = toSendResult(sendPhoto(t, photo, doc == null ? markup : null));
            if (!s.ok() || doc == null) {
                return s;
            }
        }
        if (doc != null) {
            return toSendResult(sendDocument(t, doc, parts.isEmpty() ? markup : null));
        }
        return SendResult.sent();
    }

    private Result<?> sendPhoto(Target t, Photo photo, InlineKeyboardMarkup markup) {
        return limited(t.chatId(), () -> client.execute(SendPhoto.builder().chatId(t.chatId())
                .photo(new InputFile(new ByteArrayInputStream(photo.content()), HtmlRenderer.shortPlain(photo.fileName(), 128)))
                .messageThreadId(t.threadId()).replyMarkup(markup).build()));
    }

    private SendResult sendPlain(Target t, List<String> parts, InlineKeyboardMarkup lastMarkup, Document doc, InlineKeyboardMarkup markup) {
        for (int i = 0; i < parts.size(); i++) {
            SendResult s = toSendResult(sendText(t, parts.get(i), false, null, i == parts.size() - 1 ? lastMarkup : null));
            if (!s.ok()) {
                return s;
            }
        }
        return doc == null ? SendResult.sent() : toSendResult(sendDocument(t, doc, parts.isEmpty() ? markup : null));
    }

    private Result<?> sendText(Target t, String text, boolean html, Integer replyTo, InlineKeyboardMarkup markup) {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(t.chatId()).text(text)
                .linkPreviewOptions(noPreview()).replyMarkup(markup).messageThreadId(t.threadId());
        if (html) {
            b.parseMode(ParseMode.HTML);
        }
        if (replyTo != null) {
            b.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
        }
        SendMessage m = b.build();
        return limited(t.chatId(), () -> client.execute(m));
    }

    private Result<?> sendDocument(Target t, Document doc, InlineKeyboardMarkup markup) {
        return limited(t.chatId(), () -> client.execute(SendDocument.builder().chatId(t.chatId())
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
            default -> SendResult.failed(r.detail());
        };
    }

    // ---------------------------------------------------------------- calls

    /** A message to a chat: waits for the chat's and the global send permits, then calls with retries. */
    private <T> Result<T> limited(String chatId, CheckedSupplier<T> call) {
        try {
            if (!acquire(chatId)) {
                return new Result<>(Outcome.FAILED, null, stopping ? "the bot is stopping" : "send limit: waited longer than " + limits.maxWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result<>(Outcome.FAILED, null, "interrupted");
        }
        Result<T> r = call(call);
        if (r.outcome() == Outcome.FORBIDDEN) {
            markForbidden(chatId, r.detail());
        }
        return r;
    }

    /** A Bot API call (any method) with bounded retries of transient failures; never throws. */
    <T extends Serializable> Result<T> call(BotApiMethod<T> method) {
        return call(() -> client.execute(method));
    }

    private <T> Result<T> call(CheckedSupplier<T> call) {
        try {
            return new Result<>(Outcome.OK, Failsafe.with(retryPolicy).get(call), "");
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failure(cause);
        } catch (RuntimeException e) {
            return failure(e);
        }
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
        return new Result<>(Outcome.FAILED, null, detail);
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
        ChatLimiter l = limiterFor(chatId);
        if (l != null) {
            l.lastUsed = System.nanoTime();
            if (l.spacing != null && !l.spacing.tryAcquirePermit(waitAllowed())) {
                return false;
            }
            if (l.window != null && !l.window.tryAcquirePermit(waitAllowed())) {
                return false;
            }
        }
        return global == null || global.tryAcquirePermit(waitAllowed());
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
