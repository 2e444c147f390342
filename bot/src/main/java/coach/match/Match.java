package coach.match;

import java.util.Map;

/**
 * A match of a pattern: token indexes [fromToken, toToken) and UTF-16 offsets [start, end) in the text,
 * and the spans its named captures ({@code [name … ]}) took.
 */
public record Match(int fromToken, int toToken, int start, int end, Captures captures) {

    public Match(int fromToken, int toToken, int start, int end) {
        this(fromToken, toToken, start, end, Captures.NONE);
    }

    public boolean overlaps(Match o) {
        return start < o.end && o.start < end;
    }

    /** A captured stretch: token indexes [fromToken, toToken) and offsets [start, end). */
    public record Span(int fromToken, int toToken, int start, int end) {
    }

    /** Named captures of one match; a capture whose elements took no token (optional ones) is absent. */
    public record Captures(Map<String, Span> spans) {
        public static final Captures NONE = new Captures(Map.of());

        public Captures {
            spans = Map.copyOf(spans);
        }

        public Span get(String name) {
            return spans.get(name);
        }
    }
}
