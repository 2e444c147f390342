package coach.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Transport-neutral formatted text: a list of styled segments. Front ends render it (Telegram as
 * escaped HTML, the console as plain or ANSI text), so user text can never be mistaken for markup.
 */
public final class Rich {
    public enum Style { PLAIN, BOLD, ITALIC, CODE, QUOTE, MARK }

    public record Seg(Style style, String text) {
    }

    private final List<Seg> segs;

    private Rich(List<Seg> segs) {
        this.segs = Collections.unmodifiableList(segs);
    }

    public List<Seg> segments() {
        return segs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Rich of(String plain) {
        return builder().text(plain).build();
    }

    /** The text without styling, as a user would read it in a plain terminal. */
    public String plain() {
        StringBuilder b = new StringBuilder();
        for (Seg s : segs) {
            b.append(s.text());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return plain();
    }

    public static final class Builder {
        private final List<Seg> segs = new ArrayList<>();

        public Builder add(Style style, String text) {
            if (text != null && !text.isEmpty()) {
                segs.add(new Seg(style, text));
            }
            return this;
        }

        public Builder text(String t) {
            return add(Style.PLAIN, t);
        }

        public Builder bold(String t) {
            return add(Style.BOLD, t);
        }

        public Builder italic(String t) {
            return add(Style.ITALIC, t);
        }

        public Builder code(String t) {
            return add(Style.CODE, t);
        }

        public Builder quote(String t) {
            return add(Style.QUOTE, t);
        }

        /** Highlighted part of a quoted text (a search match, a risky fragment). */
        public Builder mark(String t) {
            return add(Style.MARK, t);
        }

        public Builder nl() {
            return add(Style.PLAIN, "\n");
        }

        /** Ends a paragraph: front ends split long messages only at paragraph boundaries. */
        public Builder para() {
            return add(Style.PLAIN, "\n\n");
        }

        public Builder append(Rich other) {
            segs.addAll(other.segs);
            return this;
        }

        public boolean isEmpty() {
            return segs.isEmpty();
        }

        public Rich build() {
            List<Seg> out = new ArrayList<>(segs);
            while (!out.isEmpty() && out.get(out.size() - 1).style() == Style.PLAIN && out.get(out.size() - 1).text().isBlank()) {
                out.remove(out.size() - 1);
            }
            return new Rich(out);
        }
    }
}
