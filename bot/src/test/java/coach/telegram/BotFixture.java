package coach.telegram;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Access;
import coach.core.Button;
import coach.core.ChatEvents;
import coach.core.ChatType;
import coach.core.Command;
import coach.core.CommandRegistry;
import coach.core.Context;
import coach.core.Document;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.Rich;
import coach.store.Store;
import coach.text.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The real bot (TelegramBots long polling, OkHttp client, the real coach over the real knowledge
 * base) against {@link FakeBotApi} on 127.0.0.1, tuned for fast tests: a one-second poll, quick
 * retries. A few transport-test commands are added to the registry next to the real ones.
 *
 * <p>Public for the end-to-end tests of other features ({@link #over}), which bring a coach of
 * their own (their own store and clock) and may run several bots against one fake.
 */
public final class BotFixture implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final FakeBotApi api;
    public final Coach coach;
    public final TelegramBot bot;
    final Events events = new Events();
    final Path dataDir;
    private final boolean ownsApi;

    /** Records what the bot reports about chats. */
    static final class Events implements ChatEvents {
        final List<String> log = new CopyOnWriteArrayList<>();

        /** These events, then the store's (as the lead wires it). */
        ChatEvents and(ChatEvents next) {
            Events self = this;
            return new ChatEvents() {
                @Override
                public void botJoined(String chatId, ChatType type, boolean canPost) {
                    self.botJoined(chatId, type, canPost);
                    next.botJoined(chatId, type, canPost);
                }

                @Override
                public void botRemoved(String chatId) {
                    self.botRemoved(chatId);
                    next.botRemoved(chatId);
                }

                @Override
                public void memberSeen(String chatId, String userId, String displayName) {
                    next.memberSeen(chatId, userId, displayName);
                }

                @Override
                public void memberLeft(String chatId, String userId) {
                    next.memberLeft(chatId, userId);
                }

                @Override
                public void chatMigrated(String from, String to) {
                    self.log.add("migrated " + from + " " + to);
                    next.chatMigrated(from, to);
                }
            };
        }

        @Override
        public void botJoined(String chatId, ChatType type, boolean canPost) {
            log.add("joined " + chatId + " " + type + " " + canPost);
        }

        @Override
        public void botRemoved(String chatId) {
            log.add("removed " + chatId);
        }
    }

    private BotFixture(UnaryOperator<TelegramConfig> tune) throws Exception {
        this(FakeBotApi.start(Duration.ofSeconds(1)), true, sharedCoach(), Files.createTempDirectory("coach-tg"), tune);
        ownsDir = true;
    }

    /** Whether the data directory is the fixture's own temporary one (removed on close). */
    private boolean ownsDir;

    private BotFixture(FakeBotApi api, boolean ownsApi, Coach coach, Path dataDir, UnaryOperator<TelegramConfig> tune) {
        this.api = api;
        this.ownsApi = ownsApi;
        this.coach = coach;
        this.dataDir = dataDir;
        TelegramConfig cfg = TelegramConfig.of(FakeBotApi.TOKEN, api.baseUrl(), dataDir)
                .withPollTimeout(Duration.ofSeconds(1))
                .withRetry(new TelegramConfig.Retry(3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5)));
        bot = new TelegramBot(tune.apply(cfg), coach.core(), events.and(coach.chatEvents()));
    }

    /**
     * A bot over {@code coach} (wired as the telegram command wires it: membership events go to the
     * coach's tips) against {@code api}, which stays the caller's to close. Not started: add hooks
     * (e.g. a tips scheduler sending through {@code bot.sender()}), then call {@code bot.start()}.
     */
    public static BotFixture over(FakeBotApi api, Coach coach, Path dataDir, UnaryOperator<TelegramConfig> tune) {
        return new BotFixture(api, false, coach, dataDir, tune);
    }

    private static Coach shared;
    static Store store;

    /** One coach (real knowledge base, real commands plus the test commands) for every fixture. */
    static synchronized Coach sharedCoach() {
        if (shared == null) {
            try {
                // a real SQLite store: subscriptions, sessions and tips work as in production
                Path dir = Files.createTempDirectory("coach-tg-store");
                store = Store.open(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                shared = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            addTestCommands(shared.registry());
        }
        return shared;
    }

    static BotFixture start() throws Exception {
        return start(c -> c);
    }

    static BotFixture start(UnaryOperator<TelegramConfig> tune) throws Exception {
        BotFixture f = new BotFixture(tune);
        f.bot.start();
        return f;
    }

    @Override
    public void close() {
        bot.close();
        if (ownsApi) {
            api.close();
        }
        if (ownsDir) {
            deleteTree(dataDir);
        }
    }

    /** Removes a temporary directory and what it holds; what cannot be removed stays (the test's outcome does not depend on it). */
    static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // left for the system's temporary-file cleanup
        }
    }

    /** Transport-test commands: order, long output, edits, documents, admin-only, failures, slowness. */
    static void addTestCommands(CommandRegistry r) {
        r.register(simple("echo", Access.ANYONE, (ctx, args) -> List.of(Reply.of(Rich.builder().text("echo: ").code(args).build()))));
        r.register(simple("long", Access.ANYONE, (ctx, args) -> {
            Rich.Builder b = Rich.builder().bold("Long <report> & more").para();
            for (int i = 1; i <= 60; i++) {
                b.text("Paragraph " + i + ": ").quote("user <b>text</b> & \"quotes\" " + args).text(" — ")
                        .mark("marked " + i).text(" ").text("filler ".repeat(20)).para();
            }
            return List.of(Reply.of(b.build()).withButtons(List.of(List.of(new Button("Ещё", "/echo more")))));
        }));
        r.register(simple("page", Access.ANYONE, (ctx, args) -> {
            int n = args.isBlank() ? 1 : Integer.parseInt(args.strip());
            return List.of(Reply.of(Rich.builder().bold("Page " + n).build())
                    .withButtons(List.of(List.of(new Button("Next →", "/page " + (n + 1))))).asEdit());
        }));
        r.register(simple("doc", Access.ANYONE, (ctx, args) -> List.of(Reply.of("Шаблон во вложении")
                .withDocument(new Document("template.md", "text/markdown", "# Шаблон\n\nТекст".getBytes(StandardCharsets.UTF_8))))));
        r.register(simple("admintest", Access.CHAT_ADMIN, (ctx, args) -> List.of(Reply.of("admin command ran"))));
        r.register(simple("boom", Access.ANYONE, (ctx, args) -> {
            throw new IllegalStateException("exploded on purpose");
        }));
        r.register(simple("slow", Access.ANYONE, (ctx, args) -> {
            try {
                Thread.sleep(Long.parseLong(args.isBlank() ? "1500" : args.strip()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(Reply.of("slow done " + args));
        }));
    }

    interface Body {
        List<Reply> run(Context ctx, String args);
    }

    static Command simple(String name, Access access, Body body) {
        return new Command() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Access access() {
                return access;
            }

            @Override
            public String description(Lang lang) {
                return "test command " + name;
            }

            @Override
            public boolean listed() {
                return false;
            }

            @Override
            public List<Reply> run(Context ctx, String args) {
                return body.run(ctx, args);
            }
        };
    }
}
