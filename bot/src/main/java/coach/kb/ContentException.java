package coach.kb;

/** Malformed content: names the file and, where known, the line, so an editor can fix it without reading Java. */
public class ContentException extends RuntimeException {
    private final String file;
    private final int line;

    public ContentException(String file, int line, String message) {
        super(format(file, line, message));
        this.file = file;
        this.line = line;
    }

    public ContentException(String file, int line, String message, Throwable cause) {
        super(format(file, line, message), cause);
        this.file = file;
        this.line = line;
    }

    private static String format(String file, int line, String message) {
        return "knowledge-base/" + file + (line > 0 ? ":" + line : "") + ": " + message;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
