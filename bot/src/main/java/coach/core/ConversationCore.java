package coach.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-neutral heart of the coach: an incoming message in, replies out. Commands come from
 * the registry (unknown ones get a friendly fallback), open sessions get the user's free text, and
 * other free text is routed to a command. It never throws: a failure becomes an apology with a
 * reference that is also in the log.
 */
public final class ConversationCore {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationCore.class);
    /** Longer input is refused politely; features have their own, smaller limits. */
    public static final int MAX_INPUT_CHARS = 100_000;

    private final CommandRegistry registry;
    private final Map<String, SessionHandler> sessionHandlers = new HashMap<>();
    private final SessionStore sessions;
    private final FreeTextRouter router;
    private final Permissions permissions;
    private volatile String botUsername;
    private volatile java.util.function.Function<String, Optional<coach.text.Lang>> languageChoice = user -> Optional.empty();
    private volatile InlineAnswers inline = InlineAnswers.NONE;

    public ConversationCore(CommandRegistry registry, List<SessionHandler> handlers, SessionStore sessions, FreeTextRouter router, Permissions permissions) {
        this.registry = registry;
        handlers.forEach(h -> sessionHandlers.put(h.kind(), h));
        this.sessions = sessions;
        this.router = router;
        this.permissions = permissions;
    }

    /** The bot's own username; commands addressed to another bot ({@code /help@other}) are then ignored. */
    public void setBotUsername(String name) {
        this.botUsername = name;
    }

    public List<Reply> handle(Incoming in) {
        return handle(in, permissions);
    }

    /** The language a user chose (/lang) wins over the one the transport detected. */
    public void setLanguageChoice(java.util.function.Function<String, Optional<coach.text.Lang>> choice) {
        this.languageChoice = choice;
    }

    /** What answers inline queries (by default nothing). */
    public void setInlineAnswers(InlineAnswers answers) {
        this.inline = answers;
    }

    /** The language to answer {@code userId} in: the one chosen with /lang, else the one the transport detected. */
    public coach.text.Lang language(String userId, coach.text.Lang detected) {
        try {
            return languageChoice.apply(userId).orElse(detected);
        } catch (RuntimeException e) {
            LOG.warn("language preference unavailable: {}", e.toString());
            return detected;
        }
    }

    /**
     * Inline answers to {@code query} (cleaned by the transport) in the user's language; none for a blank
     * query or when answering fails (logged).
     */
    public List<InlineAnswers.Answer> inline(String userId, coach.text.Lang detected, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(inline.answer(query, language(userId, detected)));
        } catch (RuntimeException e) {
            LOG.error("inline answers failed ({} chars)", query.length(), e);
            return List.of();
        }
    }

    /** The commands a transport publishes as its menu (/help lists the same), in registration order. */
    public List<Command> menu() {
        return registry.listed();
    }

    private Incoming withChosenLanguage(Incoming original) {
        try {
            return languageChoice.apply(original.userId()).map(original::withLang).orElse(original);
        } catch (RuntimeException e) {
            LOG.warn("language preference unavailable: {}", e.toString());
            return original;
        }
    }

    /** The title of the session in progress (a drill, the quiz, a form; not a passive one) for this message's user and chat. */
    public Optional<String> openSession(Incoming original) {
        Context ctx = new Context(this, withChosenLanguage(original), permissions);
        try {
            return ctx.session().map(s -> ctx.handler(s.kind()).map(h -> h.title(ctx, s)).orElse(s.kind()));
        } catch (RuntimeException e) {
            LOG.warn("session unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Handles one message with the given permissions (a transport may check admins per update). */
    public List<Reply> handle(Incoming original, Permissions perms) {
        Incoming in = withChosenLanguage(original);
        Context ctx = new Context(this, in, perms);
        try {
            return dispatch(ctx);
        } catch (RuntimeException e) {
            if (e instanceof StorageFailure f && f.unavailable()) {
                // a full disk or an unreachable database: say what was not saved; the log gets the reason, not a trace
                LOG.warn("chat {}: not saved: {}", in.chatId(), e.getMessage());
                return List.of(Reply.of(ctx.t(f.diskFull() ? "error.not_saved.full" : "error.not_saved.other",
                        "what", ctx.t(savedThing(f.operation())))));
            }
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("handling failed, ref {} (chat {}, {} chars)", ref, in.chatId(), in.text().length(), e);
            return List.of(Reply.of(ctx.t("error.internal", "ref", ref)));
        }
    }

    /** The text key naming what a failed save was about, in the user's words. */
    static String savedThing(String operation) {
        String op = operation == null ? "" : operation;
        if (op.contains("subscription")) {
            return "error.not_saved.subscription";
        }
        if (op.contains("session")) {
            return "error.not_saved.session";
        }
        if (op.contains("language")) {
            return "error.not_saved.language";
        }
        if (op.contains("progress")) {
            return "error.not_saved.progress";
        }
        if (op.contains("tip")) {
            return "error.not_saved.tip";
        }
        return "error.not_saved.action";
    }

    private List<Reply> dispatch(Context ctx) {
        Incoming in = ctx.in();
        String text = in.text();
        if (text.length() > MAX_INPUT_CHARS) {
            return List.of(Reply.of(ctx.t("error.too_long", "max", MAX_INPUT_CHARS)));
        }
        Optional<CommandLine> cl = CommandLine.parse(text);
        if (cl.isPresent()) {
            CommandLine c = cl.get();
            if (c.botName() != null && botUsername != null && !c.botName().equalsIgnoreCase(botUsername)) {
                return List.of();
            }
            Optional<Command> cmd = registry.find(c.name());
            if (cmd.isEmpty()) {
                if (in.button()) {
                    return List.of(Reply.of(ctx.t("button.expired")));
                }
                return List.of(Reply.of(ctx.t("command.unknown", "name", c.name())));
            }
            return runChecked(ctx, cmd.get(), c.args());
        }
        if (in.button()) {
            return List.of(Reply.of(ctx.t("button.expired")));
        }
        Optional<SessionState> session = sessions.get(ctx.sessionKey());
        if (session.isPresent()) {
            SessionHandler h = sessionHandlers.get(session.get().kind());
            if (h != null) {
                // Handlers get blank text too: inside a session "empty answer" has a specific reply.
                return h.onText(ctx, session.get(), text);
            }
            sessions.remove(ctx.sessionKey());
        }
        if (text.isBlank()) {
            return List.of(Reply.of(ctx.t("input.empty")));
        }
        return routeFreeText(ctx, text);
    }

    List<Reply> routeFreeText(Context ctx, String text) {
        return router.route(ctx, text);
    }

    List<Reply> runCommand(Context ctx, String name, String args) {
        Optional<Command> cmd = registry.find(name);
        if (cmd.isEmpty()) {
            return List.of(Reply.of(ctx.t("command.unknown", "name", name)));
        }
        return runChecked(ctx, cmd.get(), args);
    }

    private List<Reply> runChecked(Context ctx, Command cmd, String args) {
        if (cmd.access() == Access.CHAT_ADMIN && ctx.in().chatType().isGroupLike()
                && !ctx.permissions().isChatAdmin(ctx.in().chatId(), ctx.in().userId())) {
            return List.of(Reply.of(ctx.t("access.admins_only", "name", cmd.name())));
        }
        return new ArrayList<>(cmd.run(ctx, args));
    }

    CommandRegistry registry() {
        return registry;
    }

    SessionStore sessions() {
        return sessions;
    }

    Map<String, SessionHandler> sessionHandlers() {
        return sessionHandlers;
    }

    Permissions permissions() {
        return permissions;
    }
}
