package coach.core;

/**
 * A button under a reply. {@code data} is a command line such as {@code /drill dissatisfied-client}:
 * ids only, never user text, at most 64 bytes in UTF-8 so Telegram accepts it as callback data.
 * Pressing the button runs that command, so a forged or stale button is just an unknown command.
 *
 * <p>A copy button ({@link #copy}) carries text instead: pressing it copies {@code copyText} to the
 * clipboard (Telegram's copy_text button, at most {@value #MAX_COPY_CHARS} characters); it runs nothing.
 */
public record Button(String label, String data, String copyText) {
    public static final int MAX_DATA_BYTES = 64;
    public static final int MAX_COPY_CHARS = 256;

    public Button {
        if (copyText == null) {
            if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
                throw new IllegalArgumentException("button data over 64 bytes: " + data);
            }
        } else if (copyText.isEmpty() || copyText.length() > MAX_COPY_CHARS) {
            throw new IllegalArgumentException("copy text of " + copyText.length() + " chars (1-" + MAX_COPY_CHARS + ")");
        }
    }

    public Button(String label, String data) {
        this(label, data, null);
    }

    /** A button that copies {@code text} (at most {@value #MAX_COPY_CHARS} characters). */
    public static Button copy(String label, String text) {
        return new Button(label, "", text);
    }

    public boolean isCopy() {
        return copyText != null;
    }

    /** Whether a text fits into a copy button. */
    public static boolean copyable(String text) {
        return text != null && !text.isEmpty() && text.length() <= MAX_COPY_CHARS;
    }
}
