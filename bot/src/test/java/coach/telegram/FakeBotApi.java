package coach.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * A Bot API server for tests and the benchmark, on 127.0.0.1 (or in-process, as an OkHttp
 * interceptor). It serves the methods the bot uses, matches method names case-insensitively (the
 * library posts {@code sendmessage} but {@code answerInlineQuery}), answers {@code deleteWebhook},
 * holds {@code getUpdates} briefly while idle, and refuses what Telegram refuses: unknown tokens,
 * HTML it cannot parse, texts over 4096 characters, callback data over 64 bytes. Faults can be
 * scripted per method (429 with retry_after, 500, …), per method and chat, and per chat (403); a
 * call can be held in flight until a test releases it. Every call is recorded.
 *
 * <p>On loopback each call takes ~40 ms unless the JVM runs with {@code -Dsun.net.httpserver.nodelay=true}
 * (small writes meet delayed ACKs): the tests' surefire argLine and the bench launcher set it.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final long BOT_ID = 7000000001L;
    public static final String BOT_USERNAME = "coach_test_bot";
    /** A well-formed token that only this fake accepts. */
    public static final String TOKEN = BOT_ID + ":AAF4ke-token_for_loopback_tests_only_0123";
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d{1,7}|#x[0-9a-fA-F]{1,6});");

    /** One recorded Bot API call: the method (lower case), its parameters, the HTTP status answered and the visible text. */
    public record Call(String method, ObjectNode params, int status, String visible, int messageId, long nanos) {
        public String chatId() {
            return params.path("chat_id").asText("");
        }

        public boolean ok() {
            return status == 200;
        }

        public boolean is(String m) {
            return method.equalsIgnoreCase(m);
        }
    }

    private record Answer(int status, String body) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final String token;
    private final long maxHoldMillis;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Object updLock = new Object();
    private final ArrayDeque<int[]> updateIds = new ArrayDeque<>();
    private final Map<Integer, String> updateJson = new ConcurrentHashMap<>();
    private int nextUpdateId = 1;
    private volatile int highestOffset;
    private final AtomicInteger getUpdatesCalls = new AtomicInteger();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Deque<Gate>> gates = new ConcurrentHashMap<>();
    private final Map<String, Answer> outages = new ConcurrentHashMap<>();
    private final Set<String> forbiddenChats = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> members = new ConcurrentHashMap<>();
    private final Map<String, String> messages = new ConcurrentHashMap<>();
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile boolean record = true;
    private volatile Consumer<Call> listener;
    private volatile boolean closed;

    private FakeBotApi(String token, long maxHoldMillis, boolean listen) throws IOException {
        this.token = token;
        this.maxHoldMillis = maxHoldMillis;
        if (listen) {
            this.pool = Executors.newFixedThreadPool(24, ChatQueues.daemonThreads("fake-bot-api"));
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            this.server.createContext("/", this::serve);
            this.server.setExecutor(pool);
            this.server.start();
        } else {
            this.pool = null;
            this.server = null;
        }
    }

    /** A fake on 127.0.0.1 with an ephemeral port, accepting {@link #TOKEN}, holding idle getUpdates up to {@code maxHold}. */
    public static FakeBotApi start(Duration maxHold) throws IOException {
        return new FakeBotApi(TOKEN, maxHold.toMillis(), true);
    }

    /** A fake without a socket, answering through {@link #interceptor()} (in-process benchmark). */
    public static FakeBotApi inProcess(Duration maxHold) throws IOException {
        return new FakeBotApi(TOKEN, maxHold.toMillis(), false);
    }

    /** The base URL for TELEGRAM_API_URL: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the OkHttp calls it sees itself, without a network round trip. */
    public Interceptor interceptor() {
        return chain -> {
            Request r = chain.request();
            Buffer buf = new Buffer();
            if (r.body() != null) {
                r.body().writeTo(buf);
            }
            String ct = r.body() == null || r.body().contentType() == null ? "" : r.body().contentType().toString();
            Answer a = route(r.url().encodedPath(), ct, buf.readByteArray());
            return new Response.Builder().request(r).protocol(Protocol.HTTP_1_1).code(a.status).message("fake")
                    .body(ResponseBody.create(a.body, MediaType.get("application/json"))).build();
        };
    }

    /** Whether calls are kept (the benchmark turns it off and listens instead). */
    public void recordCalls(boolean on) {
        this.record = on;
    }

    /** Called for every call except getUpdates, on the server's thread. */
    public void onCall(Consumer<Call> l) {
        this.listener = l;
    }

    // ------------------------------------------------------------------ scripting

    /** The next {@code times} calls of {@code method} fail with this HTTP status and Bot API error. */
    public void failNext(String method, int times, int status, String description, Integer retryAfter) {
        ObjectNode o = json.createObjectNode().put("ok", false).put("error_code", status).put("description", description);
        if (retryAfter != null) {
            o.putObject("parameters").put("retry_after", retryAfter);
        }
        Deque<Answer> q = scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(new Answer(status, o.toString()));
        }
    }

    /**
     * The next {@code times} calls of {@code method} to chat {@code chatId} fail with this HTTP status
     * and Bot API error (e.g. a 429 with retry_after that hits one chat of a broadcast). A chat's own
     * script is used before the method's.
     */
    public void failNextFor(String chatId, String method, int times, int status, String description, Integer retryAfter) {
        failNext(method + "@" + chatId, times, status, description, retryAfter);
    }

    /**
     * The next call of {@code method} is recorded, then its answer is held until the returned gate is
     * released: a send that is "in flight" for as long as a test needs (another bot instance acts meanwhile).
     */
    public Gate holdNext(String method) {
        Gate g = new Gate();
        Deque<Gate> q = gates.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedDeque<>());
        q.add(g);
        return g;
    }

    /** A held call: {@link #awaitArrival} until it has come, {@link #release} to answer it. */
    public static final class Gate {
        private final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        private volatile Call call;

        /** Waits for the held call and returns it. */
        public Call awaitArrival(Duration timeout) throws InterruptedException {
            if (!arrived.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no held call arrived within " + timeout.toMillis() + " ms");
            }
            return call;
        }

        /** Lets the held call be answered (also when it has not come yet: it will not wait then). */
        public void release() {
            released.countDown();
        }

        private void hold(Call c) {
            call = c;
            arrived.countDown();
            try {
                released.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Forgets every scripted failure not used yet (the outage is over). */
    public void clearFailures() {
        scripted.clear();
        outages.clear();
    }

    /** Every call of {@code method} fails with this status until {@link #clearFailures()} (an outage). */
    public void failAll(String method, int status, String description, Integer retryAfter) {
        ObjectNode o = json.createObjectNode().put("ok", false).put("error_code", status).put("description", description);
        if (retryAfter != null) {
            o.putObject("parameters").put("retry_after", retryAfter);
        }
        outages.put(method.toLowerCase(Locale.ROOT), new Answer(status, o.toString()));
    }

    /** Every call of {@code method} to {@code chatId} fails like that until {@link #clearFailures()}. */
    public void failAllFor(String chatId, String method, int status, String description, Integer retryAfter) {
        failAll(method + "@" + chatId, status, description, retryAfter);
    }

    /** The next {@code times} calls of {@code method} get a non-JSON gateway error page. */
    public void failNextWithHtmlPage(String method, int times) {
        Deque<Answer> q = scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            q.add(new Answer(502, "<html><body>502 Bad Gateway</body></html>"));
        }
    }

    /** The group became a supergroup: messages to the old id get 400 with parameters.migrate_to_chat_id, as Telegram answers. */
    public void migrate(long oldChatId, long newChatId) {
        ObjectNode o = json.createObjectNode().put("ok", false).put("error_code", 400)
                .put("description", "Bad Request: group chat was upgraded to a supergroup chat");
        o.putObject("parameters").put("migrate_to_chat_id", newChatId);
        for (String m : List.of("sendmessage", "senddocument", "editmessagetext")) {
            outages.put(m + "@" + oldChatId, new Answer(400, o.toString()));
        }
    }

    /** Messages to this chat get 403 (the user blocked the bot, or it was kicked). */
    public void forbid(String chatId, boolean on) {
        if (on) {
            forbiddenChats.add(chatId);
        } else {
            forbiddenChats.remove(chatId);
        }
    }

    /** What getChatMember says about a user (or the bot) in a chat: creator, administrator, member, restricted, left, kicked. */
    public void setMember(long chatId, long userId, String status, boolean canPostMessages) {
        ObjectNode m = json.createObjectNode().put("status", status);
        m.putObject("user").put("id", userId).put("is_bot", userId == BOT_ID).put("first_name", "U" + userId);
        if (status.equals("administrator")) {
            m.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true)
                    .put("can_post_messages", canPostMessages).put("can_delete_messages", false);
        }
        if (status.equals("restricted")) {
            m.put("is_member", true).put("can_send_messages", canPostMessages);
        }
        members.put(chatId + "/" + userId, m);
    }

    // ------------------------------------------------------------------ updates

    /** Queues an update ({@code kind} is the field name, e.g. "message"); returns its update_id. */
    public int push(String kind, JsonNode payload) {
        return pushRaw("\"" + kind + "\":" + payload.toString());
    }

    /** Queues an update given as the JSON fields after update_id (may be malformed on purpose). */
    public int pushRaw(String fields) {
        synchronized (updLock) {
            int id = nextUpdateId++;
            updateJson.put(id, "{\"update_id\":" + id + (fields.isBlank() ? "" : "," + fields) + "}");
            updateIds.add(new int[]{id});
            updLock.notifyAll();
            return id;
        }
    }

    public ObjectNode user(long userId, String lang) {
        ObjectNode u = json.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "User" + userId);
        if (lang != null) {
            u.put("language_code", lang);
        }
        return u;
    }

    public ObjectNode chat(long chatId, String type) {
        ObjectNode c = json.createObjectNode().put("id", chatId).put("type", type);
        if (type.equals("private")) {
            c.put("first_name", "User" + chatId);
        } else {
            c.put("title", "Chat " + chatId);
        }
        return c;
    }

    /** A text message as Telegram sends it, with bot_command and mention entities. */
    public ObjectNode message(long chatId, String chatType, Long userId, String lang, String text) {
        ObjectNode m = json.createObjectNode().put("message_id", nextMessageId.incrementAndGet())
                .put("date", System.currentTimeMillis() / 1000);
        m.set("chat", chat(chatId, chatType));
        if (userId != null) {
            m.set("from", user(userId, lang));
        }
        if (text != null) {
            m.put("text", text);
            ArrayNode ents = json.createArrayNode();
            Matcher cm = Pattern.compile("^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?").matcher(text);
            if (cm.find()) {
                ents.addObject().put("type", "bot_command").put("offset", 0).put("length", cm.end());
            }
            Matcher mm = Pattern.compile("@[A-Za-z0-9_]{5,}").matcher(text);
            while (mm.find()) {
                if (mm.start() > 0 && text.charAt(mm.start() - 1) != ' ') {
                    continue;
                }
                ents.addObject().put("type", "mention").put("offset", mm.start()).put("length", mm.end() - mm.start());
            }
            if (!ents.isEmpty()) {
                m.set("entities", ents);
            }
        }
        return m;
    }

    public int pushText(long chatId, long userId, String lang, String text) {
        return push("message", message(chatId, "private", userId, lang, text));
    }

    public int pushGroupText(long chatId, long userId, String text) {
        return push("message", message(chatId, "supergroup", userId, "ru", text));
    }

    public int pushChannelPost(long chatId, String text) {
        ObjectNode m = message(chatId, "channel", null, null, text);
        m.set("sender_chat", chat(chatId, "channel"));
        return push("channel_post", m);
    }

    /** A press of a button under message {@code messageId} (date 0 makes the message inaccessible). */
    public int pushCallback(long chatId, String chatType, long userId, String lang, int messageId, String data, boolean accessible) {
        ObjectNode msg = json.createObjectNode().put("message_id", messageId).put("date", accessible ? System.currentTimeMillis() / 1000 : 0);
        msg.set("chat", chat(chatId, chatType));
        if (accessible) {
            msg.set("from", json.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Coach").put("username", BOT_USERNAME));
            msg.put("text", messages.getOrDefault(chatId + "/" + messageId, "…"));
        }
        ObjectNode q = json.createObjectNode().put("id", "cq" + nextId.incrementAndGet()).put("chat_instance", "ci" + chatId);
        q.set("from", user(userId, lang));
        q.set("message", msg);
        if (data != null) {
            q.put("data", data);
        }
        return push("callback_query", q);
    }

    public int pushInline(long userId, String lang, String query) {
        ObjectNode q = json.createObjectNode().put("id", "iq" + nextId.incrementAndGet()).put("query", query).put("offset", "").put("chat_type", "sender");
        q.set("from", user(userId, lang));
        return push("inline_query", q);
    }

    /** The bot's own membership changed in a chat (added, promoted, removed, blocked). */
    public int pushMyChatMember(long chatId, String chatType, long byUser, String oldStatus, String newStatus, boolean canPost) {
        ObjectNode u = json.createObjectNode().put("date", System.currentTimeMillis() / 1000);
        u.set("chat", chat(chatId, chatType));
        u.set("from", user(byUser, "ru"));
        ObjectNode bot = json.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Coach").put("username", BOT_USERNAME);
        u.set("old_chat_member", json.createObjectNode().put("status", oldStatus).set("user", bot));
        ObjectNode n = json.createObjectNode().put("status", newStatus);
        n.set("user", bot);
        if (newStatus.equals("administrator")) {
            n.put("can_be_edited", false).put("is_anonymous", false).put("can_manage_chat", true).put("can_post_messages", canPost);
        }
        u.set("new_chat_member", n);
        return push("my_chat_member", u);
    }

    /** The highest offset the bot has confirmed with getUpdates. */
    public int confirmedOffset() {
        return highestOffset;
    }

    public int getUpdatesCalls() {
        return getUpdatesCalls.get();
    }

    // ------------------------------------------------------------------ inspection

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.is(method)).toList();
    }

    /** Messages that reached a chat (sendMessage, editMessageText, sendDocument, sendPhoto answered 200), in order. */
    public List<Call> delivered(String chatId) {
        return calls().stream().filter(c -> c.ok() && c.chatId().equals(chatId)
                && (c.is("sendmessage") || c.is("editmessagetext") || c.is("senddocument") || c.is("sendphoto"))).toList();
    }

    /** Waits until at least {@code n} recorded calls match; returns them all. */
    public List<Call> await(Predicate<Call> p, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                List<Call> m = calls.stream().filter(p).toList();
                if (m.size() >= n) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("waited " + timeout.toMillis() + " ms for " + n + " matching calls, got " + m.size()
                            + "; calls: " + calls.stream().map(c -> c.method + "(" + c.chatId() + "," + c.status + ")").toList());
                }
                calls.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits for {@code n} messages delivered to a chat. */
    public List<Call> awaitDelivered(String chatId, int n, Duration timeout) throws InterruptedException {
        return await(c -> c.ok() && c.chatId().equals(chatId) && (c.is("sendmessage") || c.is("editmessagetext") || c.is("senddocument") || c.is("sendphoto")), n, timeout);
    }

    // ------------------------------------------------------------------ serving

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String ct = ex.getRequestHeaders().getFirst("Content-Type");
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            Answer a = route(path + (query == null ? "" : "?" + query), ct == null ? "" : ct, body);
            byte[] out = a.body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(a.status, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (RuntimeException e) {
            // a broken request must not kill the server thread
        }
    }

    private Answer route(String pathAndQuery, String contentType, byte[] body) {
        String path = pathAndQuery;
        String query = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        if (!path.startsWith("/bot")) {
            return error(404, "Not Found");
        }
        String rest = path.substring(4);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return error(404, "Not Found");
        }
        if (!rest.substring(0, slash).equals(token)) {
            return error(401, "Unauthorized");
        }
        String method = rest.substring(slash + 1).toLowerCase(Locale.ROOT);
        ObjectNode params;
        try {
            params = params(contentType, body, query);
        } catch (IOException | RuntimeException e) {
            return error(400, "Bad Request: can't parse request");
        }
        if (method.equals("getupdates")) {
            return getUpdates(params);
        }
        Deque<Answer> chatScript = params.hasNonNull("chat_id") ? scripted.get(method + "@" + params.path("chat_id").asText()) : null;
        Answer scriptedAnswer = chatScript == null ? null : chatScript.poll();
        if (scriptedAnswer == null) {
            Deque<Answer> script = scripted.get(method);
            scriptedAnswer = script == null ? null : script.poll();
        }
        if (scriptedAnswer == null && params.hasNonNull("chat_id")) {
            scriptedAnswer = outages.get(method + "@" + params.path("chat_id").asText());
        }
        if (scriptedAnswer == null) {
            scriptedAnswer = outages.get(method);
        }
        String[] visible = new String[2];
        Answer a = scriptedAnswer != null ? scriptedAnswer : dispatch(method, params, visible);
        int messageId = visible[1] == null ? 0 : Integer.parseInt(visible[1]);
        Call call = new Call(method, params, a.status, visible[0], messageId, System.nanoTime());
        if (record) {
            synchronized (calls) {
                calls.add(call);
                calls.notifyAll();
            }
        }
        Consumer<Call> l = listener;
        if (l != null) {
            l.accept(call);
        }
        Deque<Gate> held = gates.get(method);
        Gate gate = held == null ? null : held.poll();
        if (gate != null) {
            gate.hold(call);
        }
        return a;
    }

    private ObjectNode params(String contentType, byte[] body, String query) throws IOException {
        ObjectNode p = json.createObjectNode();
        if (query != null) {
            form(p, query);
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (body.length == 0) {
            return p;
        }
        if (ct.startsWith("application/json")) {
            JsonNode n = json.readTree(body);
            if (n instanceof ObjectNode o) {
                p.setAll(o);
            }
        } else if (ct.startsWith("multipart/form-data")) {
            Matcher bm = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
            if (!bm.find()) {
                throw new IOException("no boundary");
            }
            ObjectNode files = json.createObjectNode();
            try (MultipartReader r = new MultipartReader(new Buffer().write(body), bm.group(1))) {
                MultipartReader.Part part;
                while ((part = r.nextPart()) != null) {
                    String disp = part.headers().get("Content-Disposition");
                    Matcher nm = Pattern.compile("name=\"([^\"]*)\"").matcher(disp == null ? "" : disp);
                    Matcher fm = Pattern.compile("filename=\"([^\"]*)\"").matcher(disp == null ? "" : disp);
                    byte[] data = part.body().readByteArray();
                    part.close();
                    if (!nm.find()) {
                        continue;
                    }
                    if (fm.find()) {
                        files.putObject(nm.group(1)).put("file_name", fm.group(1)).put("file_size", data.length)
                                .put("content", new String(data, StandardCharsets.UTF_8))
                                .put("base64", java.util.Base64.getEncoder().encodeToString(data));
                    } else {
                        String v = new String(data, StandardCharsets.UTF_8);
                        if (v.startsWith("{") || v.startsWith("[")) {
                            try {
                                p.set(nm.group(1), json.readTree(v));
                                continue;
                            } catch (IOException e) {
                                // plain text that looks like JSON
                            }
                        }
                        p.put(nm.group(1), v);
                    }
                }
            }
            // files travel as parts of their own, referenced as attach://<name> (or sent under the field's name)
            List<String> fields = new ArrayList<>();
            p.fieldNames().forEachRemaining(fields::add);
            for (String k : fields) {
                String v = p.path(k).asText("");
                if (p.get(k).isTextual() && v.startsWith("attach://") && files.has(v.substring(9))) {
                    p.set(k, files.get(v.substring(9)));
                }
            }
            files.fieldNames().forEachRemaining(k -> {
                if (!p.has(k)) {
                    p.set(k, files.get(k));
                }
            });
        } else {
            form(p, new String(body, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static void form(ObjectNode p, String s) {
        for (String kv : s.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
            p.put(k, v);
        }
    }

    private Answer getUpdates(ObjectNode p) {
        getUpdatesCalls.incrementAndGet();
        int offset = p.path("offset").asInt(0);
        int limit = Math.max(1, Math.min(100, p.path("limit").asInt(100)));
        long hold = Math.min(p.path("timeout").asLong(0) * 1000, maxHoldMillis);
        long deadline = System.currentTimeMillis() + hold;
        List<String> out = new ArrayList<>();
        synchronized (updLock) {
            if (offset > 0) {
                highestOffset = Math.max(highestOffset, offset);
                while (!updateIds.isEmpty() && updateIds.peek()[0] < offset) {
                    updateJson.remove(updateIds.poll()[0]);
                }
            }
            while (updateIds.isEmpty() && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    updLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (int[] id : updateIds) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(updateJson.get(id[0]));
            }
        }
        return new Answer(200, "{\"ok\":true,\"result\":[" + String.join(",", out) + "]}");
    }

    private Answer dispatch(String method, ObjectNode p, String[] visible) {
        switch (method) {
            case "getme":
                return ok(json.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Coach")
                        .put("username", BOT_USERNAME).put("can_join_groups", true).put("supports_inline_queries", true));
            case "deletewebhook", "close", "logout":
                return ok(json.getNodeFactory().booleanNode(true));
            case "setmycommands": {
                JsonNode cmds = p.path("commands");
                if (!cmds.isArray() || cmds.size() > 100) {
                    return error(400, "Bad Request: BOT_COMMANDS_TOO_MUCH");
                }
                for (JsonNode c : cmds) {
                    String d = c.path("description").asText("");
                    if (!c.path("command").asText("").matches("[a-z0-9_]{1,32}") || d.isEmpty() || d.length() > 256) {
                        return error(400, "Bad Request: BOT_COMMAND_INVALID");
                    }
                }
                return ok(json.getNodeFactory().booleanNode(true));
            }
            case "sendmessage":
            case "editmessagetext": {
                String chat = p.path("chat_id").asText("");
                if (chat.isEmpty()) {
                    return error(400, "Bad Request: chat_id is empty");
                }
                if (forbiddenChats.contains(chat)) {
                    return error(403, "Forbidden: bot was blocked by the user");
                }
                String err = checkMarkup(p.path("reply_markup"));
                if (err != null) {
                    return error(400, err);
                }
                String[] text = new String[1];
                err = checkText(p.path("text").asText(""), p.path("parse_mode").asText(""), text);
                if (err != null) {
                    return error(400, err);
                }
                visible[0] = text[0];
                int id;
                if (method.equals("editmessagetext")) {
                    id = p.path("message_id").asInt(0);
                    String key = chat + "/" + id;
                    String old = messages.get(key);
                    if (old == null) {
                        return error(400, "Bad Request: message to edit not found");
                    }
                    if (old.equals(text[0] + "|" + p.path("reply_markup"))) {
                        return error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
                    }
                } else {
                    id = nextMessageId.incrementAndGet();
                }
                if (record) {
                    messages.put(chat + "/" + id, text[0] + "|" + p.path("reply_markup"));
                }
                visible[1] = String.valueOf(id);
                return ok(sentMessage(chat, id).put("text", text[0]));
            }
            case "sendphoto": {
                // Telegram accepts a photo up to 10 MB whose sides add up to at most 10 000 px; the fake checks the PNG signature
                String chat = p.path("chat_id").asText("");
                if (forbiddenChats.contains(chat)) {
                    return error(403, "Forbidden: bot was blocked by the user");
                }
                JsonNode photo = p.path("photo");
                byte[] data = photo.isObject() ? java.util.Base64.getDecoder().decode(photo.path("base64").asText("")) : new byte[0];
                if (data.length == 0 || data.length > 10_000_000) {
                    return error(400, "Bad Request: file must be non-empty");
                }
                if (!(data.length > 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G')) {
                    return error(400, "Bad Request: IMAGE_PROCESS_FAILED");
                }
                String err = checkMarkup(p.path("reply_markup"));
                if (err != null) {
                    return error(400, err);
                }
                visible[0] = photo.path("file_name").asText();
                int photoId = nextMessageId.incrementAndGet();
                visible[1] = String.valueOf(photoId);
                ObjectNode m = sentMessage(chat, photoId);
                m.putArray("photo").addObject().put("file_id", "p" + nextId.incrementAndGet()).put("file_unique_id", "u" + nextId.get())
                        .put("width", 800).put("height", 500).put("file_size", data.length);
                return ok(m);
            }
            case "senddocument": {
                String chat = p.path("chat_id").asText("");
                if (forbiddenChats.contains(chat)) {
                    return error(403, "Forbidden: bot was blocked by the user");
                }
                JsonNode doc = p.path("document");
                if (!doc.isObject() || doc.path("file_size").asInt(0) == 0) {
                    return error(400, "Bad Request: file must be non-empty");
                }
                String err = checkMarkup(p.path("reply_markup"));
                if (err != null) {
                    return error(400, err);
                }
                visible[0] = doc.path("file_name").asText();
                int docId = nextMessageId.incrementAndGet();
                visible[1] = String.valueOf(docId);
                ObjectNode m = sentMessage(chat, docId);
                m.putObject("document").put("file_name", doc.path("file_name").asText()).put("file_id", "f" + nextId.incrementAndGet())
                        .put("file_unique_id", "u" + nextId.get()).put("file_size", doc.path("file_size").asInt());
                return ok(m);
            }
            case "sendchataction": {
                String chat = p.path("chat_id").asText("");
                String action = p.path("action").asText("");
                if (chat.isEmpty() || !Set.of("typing", "upload_photo", "upload_document", "record_video", "upload_video",
                        "record_voice", "upload_voice", "choose_sticker", "find_location").contains(action)) {
                    return error(400, "Bad Request: wrong parameter action in request");
                }
                if (forbiddenChats.contains(chat)) {
                    return error(403, "Forbidden: bot was blocked by the user");
                }
                return ok(json.getNodeFactory().booleanNode(true));
            }
            case "answercallbackquery": {
                if (p.path("callback_query_id").asText("").isEmpty() || p.path("text").asText("").length() > 200) {
                    return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
                }
                return ok(json.getNodeFactory().booleanNode(true));
            }
            case "answerinlinequery": {
                JsonNode results = p.path("results");
                if (p.path("inline_query_id").asText("").isEmpty() || !results.isArray() || results.size() > 50) {
                    return error(400, "Bad Request: RESULTS_TOO_MUCH");
                }
                Set<String> ids = new HashSet<>();
                for (JsonNode r : results) {
                    String id = r.path("id").asText("");
                    if (id.isEmpty() || id.getBytes(StandardCharsets.UTF_8).length > 64 || !ids.add(id)) {
                        return error(400, "Bad Request: RESULT_ID_DUPLICATE");
                    }
                    if (!r.path("type").asText("").equals("article") || r.path("title").asText("").isEmpty()) {
                        return error(400, "Bad Request: RESULT_TYPE_INVALID");
                    }
                    JsonNode content = r.path("input_message_content");
                    String err = checkText(content.path("message_text").asText(""), content.path("parse_mode").asText(""), new String[1]);
                    if (err != null) {
                        return error(400, err);
                    }
                }
                return ok(json.getNodeFactory().booleanNode(true));
            }
            case "getchatmember": {
                String chat = p.path("chat_id").asText("");
                long user = p.path("user_id").asLong(0);
                ObjectNode m = members.get(chat + "/" + user);
                if (m == null) {
                    m = json.createObjectNode().put("status", "member");
                    m.putObject("user").put("id", user).put("is_bot", user == BOT_ID).put("first_name", "U" + user);
                }
                return ok(m);
            }
            default:
                return error(404, "Not Found: method not found");
        }
    }

    private ObjectNode sentMessage(String chat, int id) {
        ObjectNode m = json.createObjectNode().put("message_id", id).put("date", System.currentTimeMillis() / 1000);
        long cid;
        try {
            cid = Long.parseLong(chat);
        } catch (NumberFormatException e) {
            cid = 0;
        }
        m.set("chat", chat(cid, cid < 0 ? "supergroup" : "private"));
        m.set("from", json.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Coach").put("username", BOT_USERNAME));
        return m;
    }

    /** Telegram's checks on a message text: not empty, parseable in its parse mode, at most 4096 characters once parsed. */
    static String checkText(String text, String parseMode, String[] visibleOut) {
        String visible = text;
        if (parseMode.equalsIgnoreCase("html")) {
            try {
                visible = visibleHtml(text);
            } catch (IllegalArgumentException e) {
                return "Bad Request: can't parse entities: " + e.getMessage();
            }
        }
        if (visible.isBlank()) {
            return "Bad Request: message text is empty";
        }
        if (visible.length() > 4096) {
            return "Bad Request: message is too long";
        }
        visibleOut[0] = visible;
        return null;
    }

    /** The text a reader sees, from Telegram HTML; throws on what Telegram's parser refuses. */
    static String visibleHtml(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed start tag at byte offset " + i);
                }
                String tag = html.substring(i + 1, end).strip();
                if (tag.startsWith("/")) {
                    String name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new IllegalArgumentException("Unmatched end tag at byte offset " + i + ", expected \"</" + open.peek() + ">\", found \"</" + name + ">\"");
                    }
                    open.pop();
                } else {
                    String name = tag.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                    if (!TAGS.contains(name)) {
                        throw new IllegalArgumentException("Unsupported start tag \"" + name + "\" at byte offset " + i);
                    }
                    open.push(name);
                }
                i = end + 1;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html);
                if (!m.find(i) || m.start() != i) {
                    throw new IllegalArgumentException("Unsupported HTML entity at byte offset " + i);
                }
                String e = m.group(1);
                out.append(switch (e) {
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
                });
                i = m.end();
            } else if (c == '>') {
                throw new IllegalArgumentException("Character '>' is reserved and must be escaped at byte offset " + i);
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return out.toString();
    }

    /** Inline keyboards: every button has text and 1–64 bytes of callback data. */
    static String checkMarkup(JsonNode markup) {
        if (markup == null || markup.isMissingNode() || markup.isNull()) {
            return null;
        }
        JsonNode rows = markup.path("inline_keyboard");
        if (!rows.isArray()) {
            return "Bad Request: can't parse reply keyboard markup JSON object";
        }
        for (JsonNode row : rows) {
            for (JsonNode b : row) {
                if (b.path("text").asText("").isEmpty()) {
                    return "Bad Request: BUTTON_TEXT_INVALID";
                }
                int bytes = b.path("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length;
                if (b.has("callback_data") && (bytes == 0 || bytes > 64)) {
                    return "Bad Request: BUTTON_DATA_INVALID";
                }
                int kinds = (b.has("callback_data") ? 1 : 0) + (b.has("copy_text") ? 1 : 0) + (b.has("url") ? 1 : 0)
                        + (b.has("switch_inline_query") ? 1 : 0);
                if (kinds != 1) {
                    return "Bad Request: BUTTON_TYPE_INVALID";
                }
                if (b.has("copy_text")) {
                    int len = b.path("copy_text").path("text").asText("").length();
                    if (len == 0 || len > 256) {
                        return "Bad Request: COPY_TEXT_INVALID";
                    }
                }
            }
        }
        return null;
    }

    private Answer ok(JsonNode result) {
        ObjectNode o = json.createObjectNode().put("ok", true);
        o.set("result", result);
        return new Answer(200, o.toString());
    }

    private Answer error(int status, String description) {
        return new Answer(status, json.createObjectNode().put("ok", false).put("error_code", status).put("description", description).toString());
    }

    @Override
    public void close() {
        closed = true;
        synchronized (updLock) {
            updLock.notifyAll();
        }
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
