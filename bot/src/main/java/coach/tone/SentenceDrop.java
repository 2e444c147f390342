package coach.tone;

import java.util.Optional;

/** Removing a whole sentence from a message, leaving the rest well-formed. Pure and thread-safe. */
public final class SentenceDrop {
    private SentenceDrop() {
    }

    /**
     * The text without the sentence {@code [start, end)}: the spaces around it collapse to one (a line
     * break is kept), the next sentence starts with a capital when the dropped one opened the text.
     * Empty when the span is not a whole sentence (the text before it does not end a sentence, or it
     * would leave a dangling comma, colon or dash), or when nothing readable would be left.
     */
    public static Optional<String> dropSentence(String text, int start, int end) {
        if (text == null || start < 0 || end > text.length() || start >= end) {
            return Optional.empty();
        }
        String before = text.substring(0, start);
        String after = text.substring(end);
        String head = before.stripTrailing();
        String tail = after.stripLeading();
        if (!head.isEmpty()) {
            char last = head.charAt(head.length() - 1);
            if (",:;—–-(«\"".indexOf(last) >= 0) {
                return Optional.empty();
            }
            if (Character.isLetterOrDigit(last) && text.substring(head.length(), start).indexOf('\n') < 0) {
                // no sentence end before the span: it is a part of a sentence, not a sentence
                return Optional.empty();
            }
        }
        if (!tail.isEmpty() && ",;:)»".indexOf(tail.charAt(0)) >= 0) {
            return Optional.empty();
        }
        String out;
        if (head.isEmpty()) {
            out = capitalize(tail);
        } else if (tail.isEmpty()) {
            out = head;
        } else {
            String before2 = text.substring(head.length(), start);
            String after2 = after.substring(0, after.length() - tail.length());
            String gap = before2.indexOf('\n') >= 0 ? before2 : after2.indexOf('\n') >= 0 ? after2 : " ";
            out = head + gap + tail;
        }
        if (out.isBlank() || out.codePoints().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static String capitalize(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                return s.substring(0, i) + Character.toUpperCase(c) + s.substring(i + 1);
            }
            if (Character.isDigit(c)) {
                return s;
            }
        }
        return s;
    }
}
