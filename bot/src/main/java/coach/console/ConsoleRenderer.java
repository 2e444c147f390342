package coach.console;

import coach.core.Button;
import coach.core.Reply;
import coach.core.Rich;
import java.util.List;

/** Renders replies for a terminal: ANSI styles when the output is a terminal, plain marks otherwise. */
public final class ConsoleRenderer {
    private final boolean ansi;

    public ConsoleRenderer(boolean ansi) {
        this.ansi = ansi;
    }

    public String render(Rich text) {
        StringBuilder b = new StringBuilder();
        for (Rich.Seg s : text.segments()) {
            String t = stripControls(s.text());
            switch (s.style()) {
                case BOLD -> b.append(ansi ? "\u001b[1m" + t + "\u001b[0m" : t);
                case ITALIC -> b.append(ansi ? "\u001b[3m" + t + "\u001b[0m" : t);
                case CODE -> b.append(t);
                case QUOTE -> b.append('«').append(t).append('»');
                case MARK -> b.append(ansi ? "\u001b[1;33m" + t + "\u001b[0m" : "[" + t + "]");
                default -> b.append(t);
            }
        }
        return b.toString();
    }

    /** Renders a reply's text and buttons; buttons are numbered so the user can press one by typing its number (documents: see Console). */
    public String render(Reply r, List<Button> numbered) {
        StringBuilder b = new StringBuilder(render(r.text()));
        for (List<Button> row : r.buttons()) {
            for (Button btn : row) {
                if (btn.isCopy()) {
                    continue; // the text to copy is the message itself
                }
                numbered.add(btn);
                b.append("\n  [").append(numbered.size()).append("] ").append(stripControls(btn.label()));
            }
        }
        return b.toString();
    }

    /** Terminal control characters in user-supplied text must not move the cursor or change colours. */
    static String stripControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
