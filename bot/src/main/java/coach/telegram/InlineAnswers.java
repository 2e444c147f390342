package coach.telegram;

import coach.core.ChatType;
import coach.core.CommandRegistry;
import coach.core.ConversationCore;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.Texts;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers to inline queries ({@code @bot <draft>} in any chat): up to {@value #MAX} articles, each a
 * message ready to send. The draft goes to /check when the coach has it, otherwise to /ask, through
 * the same core as chat messages (in a chat of its own, so no session is touched).
 */
final class InlineAnswers {
    static final int MAX = 3;
    /** Inline queries are at most 256 characters; anything longer is not from Telegram. */
    static final int MAX_QUERY = 512;

    record Article(String title, String description, Rich text) {
    }

    private final ConversationCore core;
    private final CommandRegistry registry;

    InlineAnswers(ConversationCore core, CommandRegistry registry) {
        this.core = core;
        this.registry = registry;
    }

    List<Article> answer(String query, Lang lang, String userId) {
        String q = query == null ? "" : HtmlRenderer.sanitize(query).strip();
        if (q.isEmpty() || q.length() > MAX_QUERY) {
            return List.of();
        }
        boolean check = registry.find("check").isPresent();
        String command = check ? "check" : "ask";
        String title = Texts.get(lang, check ? "telegram.inline.check" : "telegram.inline.guide");
        // A leading slash would make the draft a command: the command name is given explicitly instead.
        Incoming in = Incoming.text(userId, "inline:" + userId, ChatType.PRIVATE, lang, "/" + command + " " + q);
        List<Reply> replies = core.handle(in, Permissions.ALL);
        List<Article> out = new ArrayList<>();
        for (Reply r : replies) {
            String plain = r.text().plain().strip();
            if (plain.isEmpty()) {
                continue;
            }
            String desc = plain.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElse(plain);
            out.add(new Article(out.isEmpty() ? title : title + " · " + (out.size() + 1), HtmlRenderer.shortPlain(desc, 120), r.text()));
            if (out.size() == MAX) {
                break;
            }
        }
        return out;
    }
}
