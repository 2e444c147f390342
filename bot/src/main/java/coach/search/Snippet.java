package coach.search;

import java.util.List;

/**
 * A sentence from a search hit with the spans that matched the query, as offsets into {@code text};
 * front ends decide how to show the highlight (bold in Telegram, ANSI in the console).
 */
public record Snippet(String text, List<Span> highlights) {

    public record Span(int start, int end) {
    }

    public static Snippet plain(String text) {
        return new Snippet(text, List.of());
    }
}
