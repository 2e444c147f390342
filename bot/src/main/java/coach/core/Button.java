package coach.core;

/**
 * A button under a reply. {@code data} is a command line such as {@code /drill dissatisfied-client}:
 * ids only, never user text, at most 64 bytes in UTF-8 so Telegram accepts it as callback data.
 * Pressing the button runs that command, so a forged or stale button is just an unknown command.
 */
public record Button(String label, String data) {
    public static final int MAX_DATA_BYTES = 64;

    public Button {
        if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button data over 64 bytes: " + data);
        }
    }
}
