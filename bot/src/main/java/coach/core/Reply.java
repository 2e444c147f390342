package coach.core;

import java.util.List;

/**
 * One message from the coach.
 *
 * @param text     the formatted text
 * @param buttons  rows of buttons, possibly empty
 * @param document an optional file
 * @param edit     true when the reply answers a button press and reads best replacing that message
 * @param photo    an optional picture, shown after the text (the buttons go under the last part)
 */
public record Reply(Rich text, List<List<Button>> buttons, Document document, boolean edit, Photo photo) {

    public Reply(Rich text, List<List<Button>> buttons, Document document, boolean edit) {
        this(text, buttons, document, edit, null);
    }

    public static Reply of(Rich text) {
        return new Reply(text, List.of(), null, false);
    }

    public static Reply of(String plain) {
        return of(Rich.of(plain));
    }

    public Reply withText(Rich newText) {
        return new Reply(newText, buttons, document, edit, photo);
    }

    public Reply withButtons(List<List<Button>> rows) {
        return new Reply(text, rows, document, edit, photo);
    }

    public Reply withDocument(Document doc) {
        return new Reply(text, buttons, doc, edit, photo);
    }

    public Reply withPhoto(Photo p) {
        return new Reply(text, buttons, document, edit, p);
    }

    public Reply asEdit() {
        return new Reply(text, buttons, document, true, photo);
    }
}
