package coach.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint, on the JDK's own HTTP server ({@code com.sun.net.httpserver}, part of every
 * JDK since 6 and maintained with it): plain HTTP on one port behind a TLS proxy, a handful of small
 * POSTs per second per chat, no servlet API needed, and no dependency to keep up to date.
 *
 * <ul>
 *   <li>{@code POST <path>} with the right {@code X-Telegram-Bot-Api-Secret-Token}: the update is handed
 *       to the bot and answered 200 once it has been handled (so Telegram keeps it until then, and
 *       delivers it again, possibly to another replica, if this one stops first); 503 when the replica
 *       is stopping or full; 400 for a body that is no update.</li>
 *   <li>Refused without any effect: a missing or wrong secret (401), a body over the size limit (413),
 *       another method on the path (405), any other path (404).</li>
 *   <li>{@code GET /healthz}: 200 while the process runs. {@code GET /readyz}: 200 when the bot takes
 *       updates (store reachable, content loaded, not stopping), else 503. {@code GET /metrics}: Prometheus text.</li>
 * </ul>
 */
final class WebhookServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    static {
        // without TCP_NODELAY the JDK server's small answers meet delayed ACKs: ~40 ms per request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Where accepted updates go: the future says whether the update was handled (true) or not taken (false). */
    interface Sink {
        CompletableFuture<Boolean> accept(Update u);
    }

    private final WebhookConfig config;
    private final Sink sink;
    private final BooleanSupplier ready;
    private final Function<Void, String> metrics;
    private final BotMetrics counters;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] secret;
    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private volatile boolean accepting = true;

    WebhookServer(WebhookConfig config, Sink sink, BooleanSupplier ready, BotMetrics counters) throws IOException {
        this.config = config;
        this.sink = sink;
        this.ready = ready;
        this.counters = counters;
        this.metrics = v -> counters.scrape();
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        // handler threads wait while their update is handled: as many as Telegram may open connections, and some for probes
        int threads = config.maxConnections() + 8;
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), ChatQueues.daemonThreads("coach-webhook"));
        this.pool.allowCoreThreadTimeOut(true);
        this.server = HttpServer.create(new InetSocketAddress(config.port()), 128);
        this.server.createContext("/", this::serve);
        this.server.setExecutor(pool);
    }

    void start() {
        server.start();
        LOG.info("webhook endpoint listening on port {} (path {})", port(), config.path());
    }

    /** The port actually bound (COACH_WEBHOOK_PORT, or the ephemeral one of port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    /** From now on updates are refused with 503 (and readiness is false): a rolling restart has begun. */
    void stopAccepting() {
        accepting = false;
    }

    private void serve(HttpExchange ex) {
        int status = 500;
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            if (path.equals(config.path())) {
                status = update(ex, method);
                return;
            }
            switch (path) {
                case "/healthz" -> status = get(ex, method, 200, "ok\n", "text/plain");
                case "/readyz" -> {
                    boolean r = accepting && ready.getAsBoolean();
                    status = get(ex, method, r ? 200 : 503, r ? "ready\n" : "not ready\n", "text/plain");
                }
                case "/metrics" -> status = get(ex, method, 200, metrics.apply(null), "text/plain; version=0.0.4; charset=utf-8");
                default -> status = answer(ex, 404, "not found\n");
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("webhook request failed: {}", Tokens.describe(e));
        }
    }

    private int get(HttpExchange ex, String method, int status, String body, String type) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET");
            return answer(ex, 405, "method not allowed\n");
        }
        ex.getResponseHeaders().set("Content-Type", type);
        return answer(ex, status, body);
    }

    private int update(HttpExchange ex, String method) throws IOException {
        int status = takeUpdate(ex, method);
        counters.webhookRequest(status);
        return status;
    }

    private int takeUpdate(HttpExchange ex, String method) throws IOException {
        if (!method.equals("POST")) {
            ex.getResponseHeaders().set("Allow", "POST");
            return answer(ex, 405, "method not allowed\n");
        }
        String given = ex.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return answer(ex, 401, "unauthorized\n");
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                long n = Long.parseLong(length.strip());
                if (n > config.maxBodyBytes()) {
                    if (n <= 4L * config.maxBodyBytes()) {
                        discard(ex.getRequestBody(), n); // read, so the client gets to see the answer rather than a reset
                    }
                    return answer(ex, 413, "payload too large\n");
                }
            } catch (NumberFormatException e) {
                return answer(ex, 400, "bad request\n");
            }
        }
        byte[] body = readAtMost(ex.getRequestBody(), config.maxBodyBytes());
        if (body == null) {
            discard(ex.getRequestBody(), 3L * config.maxBodyBytes());
            return answer(ex, 413, "payload too large\n");
        }
        Update u;
        try {
            u = json.readValue(body, Update.class);
        } catch (IOException | RuntimeException e) {
            u = null;
        }
        if (u == null || u.getUpdateId() == null) {
            return answer(ex, 400, "not an update\n");
        }
        if (!accepting) {
            return answer(ex, 503, "stopping\n");
        }
        CompletableFuture<Boolean> done = sink.accept(u);
        boolean handled;
        try {
            handled = done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handled = false;
        } catch (ExecutionException e) {
            LOG.warn("update {} was not handled: {}", u.getUpdateId(), Tokens.describe(e.getCause()));
            return answer(ex, 500, "not handled\n");
        }
        if (!handled) {
            return answer(ex, 503, "not taken now\n");
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        return answer(ex, 200, "{}");
    }

    /** The body, or null when it is longer than {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buf = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads and drops up to {@code max} more bytes of a refused body. */
    private static void discard(InputStream in, long max) throws IOException {
        byte[] buf = new byte[8192];
        long left = max;
        for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
            left -= n;
        }
    }

    private static int answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return status;
        }
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
        return status;
    }

    /** Stops the listener, giving exchanges still being answered up to {@code seconds}. */
    @Override
    public void close() {
        close(1);
    }

    void close(int seconds) {
        accepting = false;
        server.stop(seconds);
        pool.shutdownNow();
    }
}
