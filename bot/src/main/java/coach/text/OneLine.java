package coach.text;

/** A text shown on one line in a place with little room (button labels, inline titles, previews). */
public final class OneLine {
    private OneLine() {
    }

    /** The text on one line, cut to {@code max} characters with an ellipsis (never inside a surrogate pair). */
    public static String cut(String s, int max) {
        String t = s.replace('\n', ' ').replace('\t', ' ').strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(t.charAt(cut - 1))) {
            cut--;
        }
        return t.substring(0, cut) + "…";
    }
}
