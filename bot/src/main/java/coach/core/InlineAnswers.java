package coach.core;

import coach.text.Lang;
import java.util.List;

/**
 * A port for inline mode ({@code @bot <draft>} in any chat): ready-to-send answers to a query, in the user's
 * language. A feature implements it (phrasing: polite versions of the draft); the core hands it the language
 * the user chose with /lang ({@link ConversationCore#inline}); a transport shows the answers.
 */
@FunctionalInterface
public interface InlineAnswers {
    /** Answers nothing: inline mode without a feature behind it. */
    InlineAnswers NONE = (query, lang) -> List.of();

    /** One answer: a title and a line to choose it by, and the message it sends. */
    record Answer(String title, String description, Rich text) {
    }

    /** The answers to a non-blank query already cleaned by the transport, best first (may be empty). */
    List<Answer> answer(String query, Lang lang);
}
