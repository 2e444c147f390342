package coach.match;

/** A match of a pattern: token indexes [fromToken, toToken) and UTF-16 offsets [start, end) in the text. */
public record Match(int fromToken, int toToken, int start, int end) {
    public boolean overlaps(Match o) {
        return start < o.end && o.start < end;
    }
}
