package coach.telegram;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the bot talks to the Bot API. {@link #fromEnvironment(Map)} reads {@code TELEGRAM_BOT_TOKEN},
 * {@code TELEGRAM_API_URL} and {@code COACH_DATA_DIR}; everything else has production defaults that
 * tests and the benchmark tune with the {@code with…} methods.
 *
 * @param token       the bot token (validated; {@link #toString()} never shows it)
 * @param scheme      http or https
 * @param host        Bot API host
 * @param port        Bot API port
 * @param dataDir     where the coach keeps its state
 * @param pollTimeout long-polling timeout Telegram holds getUpdates for
 * @param workers     threads handling updates (chats run in parallel, each chat in order)
 * @param maxQueuedPerChat updates one chat may have waiting; beyond that a flood is dropped with a notice
 * @param limits      send rate limits
 * @param retry       retries of transient failures
 * @param inlineCacheSeconds cache_time of inline answers
 * @param adminCacheTtl how long getChatMember answers are trusted
 * @param drainTimeout how long shutdown waits for updates in progress
 * @param delivery    timeouts and the outbox of replies that could not be sent at once
 */
public record TelegramConfig(String token, String scheme, String host, int port, Path dataDir, Duration pollTimeout,
                             int workers, int maxQueuedPerChat, Limits limits, Retry retry, int inlineCacheSeconds,
                             Duration adminCacheTtl, Duration drainTimeout, Delivery delivery) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    /**
     * Send limits, after Telegram's guidance: about one message a second in a chat (private chats may
     * burst a little), 20 a minute in a group, about 30 a second overall.
     *
     * @param globalPerSecond  messages per second over all chats (0 = unlimited)
     * @param privateBurst     messages a private chat may get within {@code privateWindow}
     * @param privateWindow    window of the private-chat limit
     * @param groupInterval    smallest gap between two messages in a group or channel
     * @param groupPerMinute   messages a group or channel may get per minute
     * @param maxWait          longest a message waits for a permit before it is given up
     */
    public record Limits(int globalPerSecond, int privateBurst, Duration privateWindow, Duration groupInterval,
                         int groupPerMinute, Duration maxWait) {
        public static Limits defaults() {
            return new Limits(25, 3, Duration.ofSeconds(3), Duration.ofSeconds(1), 20, Duration.ofMinutes(3));
        }

        /**
         * The defaults with what {@code spec} overrides, e.g. {@code global=30,private=3/3s,group=20/60s,gap=1s}
         * (COACH_SEND_LIMITS: messages per second overall; a private chat's burst per window; a group's
         * messages per window (the window is always read as a minute's share); the smallest gap between
         * two messages in a group). Durations are {@code <n>ms} or {@code <n>s}.
         */
        public static Limits parse(String spec) {
            Limits l = defaults();
            if (spec == null || spec.isBlank()) {
                return l;
            }
            int global = l.globalPerSecond(), burst = l.privateBurst(), perMinute = l.groupPerMinute();
            Duration window = l.privateWindow(), gap = l.groupInterval();
            for (String part : spec.split(",")) {
                String[] kv = part.strip().split("=", 2);
                String v = kv.length == 2 ? kv[1].strip() : "";
                try {
                    switch (kv[0].strip()) {
                        case "global" -> global = Integer.parseInt(v);
                        case "private" -> {
                            String[] nw = v.split("/", 2);
                            burst = Integer.parseInt(nw[0].strip());
                            window = duration(nw[1]);
                        }
                        case "group" -> {
                            String[] nw = v.split("/", 2);
                            long per = duration(nw[1]).toMillis();
                            perMinute = (int) Math.max(1, Math.round(Integer.parseInt(nw[0].strip()) * 60_000.0 / Math.max(1, per)));
                        }
                        case "gap" -> gap = duration(v);
                        default -> throw new IllegalArgumentException("unknown");
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("COACH_SEND_LIMITS: cannot read '" + part.strip()
                            + "'; expected e.g. global=25,private=3/3s,group=20/60s,gap=1s");
                }
            }
            if (global < 0 || burst < 0 || perMinute < 0) {
                throw new IllegalArgumentException("COACH_SEND_LIMITS: limits cannot be negative");
            }
            return new Limits(global, burst, window, gap, perMinute, l.maxWait());
        }

        private static Duration duration(String s) {
            String t = s.strip();
            return t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()))
                    : Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - (t.endsWith("s") ? 1 : 0)).strip()) * 1000));
        }

        /** No limits at all: for measuring the bot's own overhead only. */
        public static Limits off() {
            return new Limits(0, 0, Duration.ofSeconds(1), Duration.ZERO, 0, Duration.ofMinutes(1));
        }
    }

    /**
     * @param maxRetries    retries after the first attempt (429, 5xx, network errors)
     * @param backoffStart  first backoff delay, doubled up to {@code backoffMax}
     * @param backoffMax    longest backoff delay
     * @param maxRetryAfter longest {@code retry_after} honoured; a longer one gives the message up
     */
    public record Retry(int maxRetries, Duration backoffStart, Duration backoffMax, Duration maxRetryAfter) {
        public static Retry defaults() {
            return new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
        }
    }

    /**
     * How long a call may take and what happens to a reply that cannot be sent now.
     *
     * @param readTimeout      longest wait for the Bot API's answer to a call (a tip without an answer is not repeated)
     * @param callbackTimeout  longest a button press waits for its answer (Telegram gives up after ~10 s; we aim at 2 s)
     * @param inlineRetryAfter longest {@code retry_after} a reply waits for in line; a longer wait goes to the outbox
     * @param outboxRetryStart first delay before an outbox retry in a chat, doubled per failure
     * @param outboxRetryMax   longest delay between outbox retries in a chat
     * @param replyMaxAge      a reply still unsent after this long is dropped (with a log line)
     */
    public record Delivery(Duration readTimeout, Duration callbackTimeout, Duration inlineRetryAfter, Duration outboxRetryStart,
                           Duration outboxRetryMax, Duration replyMaxAge) {
        public static Delivery defaults() {
            return new Delivery(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2),
                    Duration.ofSeconds(15), Duration.ofHours(6));
        }
    }

    public TelegramConfig {
        if (!Tokens.valid(token)) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is malformed: expected <bot id>:<at least 30 letters, digits, '_' or '-'> as issued by BotFather");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must start with http:// or https://");
        }
    }

    /** Production defaults for the given token, Bot API base ({@code scheme://host:port}) and data directory. */
    public static TelegramConfig of(String token, String apiUrl, Path dataDir) {
        URI u = parseApiUrl(apiUrl);
        int port = u.getPort() > 0 ? u.getPort() : (u.getScheme().equals("https") ? 443 : 80);
        return new TelegramConfig(token, u.getScheme(), u.getHost(), port, dataDir, Duration.ofSeconds(50), 8, 30,
                Limits.defaults(), Retry.defaults(), 10, Duration.ofSeconds(60), Duration.ofSeconds(6), Delivery.defaults());
    }

    /** Reads {@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL} and {@code COACH_DATA_DIR}. */
    public static TelegramConfig fromEnvironment(Map<String, String> env) {
        String token = env.get("TELEGRAM_BOT_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and export TELEGRAM_BOT_TOKEN");
        }
        String url = env.getOrDefault("TELEGRAM_API_URL", "");
        String dir = env.getOrDefault("COACH_DATA_DIR", "");
        TelegramConfig c = of(token.strip(), url.isBlank() ? DEFAULT_API_URL : url.strip(), Path.of(dir.isBlank() ? "data" : dir.strip()));
        String limits = env.get("COACH_SEND_LIMITS");
        return limits == null || limits.isBlank() ? c : c.withLimits(Limits.parse(limits));
    }

    static URI parseApiUrl(String apiUrl) {
        URI u;
        try {
            u = new URI(apiUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL; expected scheme://host:port, e.g. " + DEFAULT_API_URL);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be scheme://host:port, e.g. " + DEFAULT_API_URL + " or http://127.0.0.1:8081");
        }
        if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/") || u.getRawQuery() != null || u.getUserInfo() != null) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be only scheme://host:port (the bot adds /bot<token>/<method> itself)");
        }
        return URI.create(scheme + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""));
    }

    /** The Bot API base as scheme://host:port (no token). */
    public String apiBase() {
        return scheme + "://" + host + ":" + port;
    }

    public TelegramConfig withPollTimeout(Duration d) {
        return new TelegramConfig(token, scheme, host, port, dataDir, d, workers, maxQueuedPerChat, limits, retry, inlineCacheSeconds, adminCacheTtl, drainTimeout, delivery);
    }

    public TelegramConfig withWorkers(int n, int maxQueued) {
        return new TelegramConfig(token, scheme, host, port, dataDir, pollTimeout, n, maxQueued, limits, retry, inlineCacheSeconds, adminCacheTtl, drainTimeout, delivery);
    }

    public TelegramConfig withLimits(Limits l) {
        return new TelegramConfig(token, scheme, host, port, dataDir, pollTimeout, workers, maxQueuedPerChat, l, retry, inlineCacheSeconds, adminCacheTtl, drainTimeout, delivery);
    }

    public TelegramConfig withRetry(Retry r) {
        return new TelegramConfig(token, scheme, host, port, dataDir, pollTimeout, workers, maxQueuedPerChat, limits, r, inlineCacheSeconds, adminCacheTtl, drainTimeout, delivery);
    }

    public TelegramConfig withAdminCacheTtl(Duration ttl) {
        return new TelegramConfig(token, scheme, host, port, dataDir, pollTimeout, workers, maxQueuedPerChat, limits, retry, inlineCacheSeconds, ttl, drainTimeout, delivery);
    }

    public TelegramConfig withDelivery(Delivery d) {
        return new TelegramConfig(token, scheme, host, port, dataDir, pollTimeout, workers, maxQueuedPerChat, limits, retry, inlineCacheSeconds, adminCacheTtl, drainTimeout, d);
    }

    public TelegramConfig withDrainTimeout(Duration d) {
        return new TelegramConfig(token, scheme, host, port, dataDir, pollTimeout, workers, maxQueuedPerChat, limits, retry, inlineCacheSeconds, adminCacheTtl, d, delivery);
    }

    @Override
    public String toString() {
        return "TelegramConfig[api=" + apiBase() + ", dataDir=" + dataDir + ", pollTimeout=" + pollTimeout + ", workers=" + workers
                + ", limits=" + limits + ", retry=" + retry + "]";
    }
}
