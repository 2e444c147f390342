package coach.core;

import coach.text.Lang;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** What a command or session handler gets: the message, the user's language, its session and the core. */
public final class Context {
    private final ConversationCore core;
    private final Incoming in;
    private final Permissions permissions;

    Context(ConversationCore core, Incoming in, Permissions permissions) {
        this.core = core;
        this.in = in;
        this.permissions = permissions;
    }

    public Incoming in() {
        return in;
    }

    public Lang lang() {
        return in.lang();
    }

    public String t(String key, Object... pairs) {
        return Texts.get(in.lang(), key, pairs);
    }

    public SessionKey sessionKey() {
        return SessionKey.of(in);
    }

    /** The session in progress (a drill, the quiz, a form); passive sessions are not shown (see {@link SessionHandler#passive()}). */
    public Optional<SessionState> session() {
        return core.sessions().get(sessionKey()).filter(s -> !handler(s.kind()).map(SessionHandler::passive).orElse(false));
    }

    /** The stored session of this kind, passive or not. */
    public Optional<SessionState> session(String kind) {
        return core.sessions().get(sessionKey()).filter(s -> s.kind().equals(kind));
    }

    public void startSession(String kind, ObjectNode data) {
        core.sessions().put(sessionKey(), new SessionState(kind, data, 1));
    }

    public void saveSession(SessionState state) {
        core.sessions().put(sessionKey(), state);
    }

    public void endSession() {
        core.sessions().remove(sessionKey());
    }

    public Optional<SessionHandler> handler(String kind) {
        return Optional.ofNullable(core.sessionHandlers().get(kind));
    }

    /** Runs another command as if the user had typed it (used by free-text routing and buttons). */
    public List<Reply> run(String commandName, String args) {
        return core.runCommand(this, commandName, args);
    }

    /** Handles text as if no session were open: free-text routing to /ask or /check. */
    public List<Reply> route(String text) {
        return core.routeFreeText(this, text);
    }

    public CommandRegistry commands() {
        return core.registry();
    }

    public Permissions permissions() {
        return permissions;
    }
}
