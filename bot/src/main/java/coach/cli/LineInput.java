package coach.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Standard input as lines that end only at {@code \n} (a {@code \r} right before it, or before the
 * end of input, is dropped): a bare {@code \r} inside a message is part of the message, unlike
 * {@link BufferedReader#readLine()}, which would split it and misalign every later answer of a batch.
 * {@link #next(int)} also caps a line's length without holding more of it than the cap.
 *
 * <p>Only {@link #readLine()} and {@link #next(int)} may be used (the console and the batch commands do).
 */
final class LineInput extends BufferedReader {
    /** One line: its text (at most the cap), its full length in characters and its 1-based number. */
    record Line(String text, long length, long number, boolean tooLong) {
    }

    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int limit;
    private boolean eof;
    private long lines;

    LineInput(Reader in) {
        super(in, 1);
        this.in = in;
    }

    @Override
    public String readLine() throws IOException {
        Line l = next(Integer.MAX_VALUE - 16);
        return l == null ? null : l.text();
    }

    /** The next line, or null at the end of input; past {@code maxChars} the rest is counted and skipped. */
    Line next(int maxChars) throws IOException {
        StringBuilder sb = new StringBuilder(Math.min(256, maxChars + 1));
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            length += n;
            int room = maxChars + 1 - sb.length(); // one more, so a trailing \r can still be dropped
            if (room > 0) {
                sb.append(buf, start, Math.min(n, room));
            }
            if (pos < limit) {
                pos++; // the \n
                break;
            }
        }
        lines++;
        if (length > 0 && sb.length() == length && sb.charAt(sb.length() - 1) == '\r') {
            sb.setLength(sb.length() - 1);
            length--;
        } else if (length > sb.length()) {
            // over the cap: whether the dropped tail ended with \r does not matter for the count shown
            return new Line(sb.substring(0, Math.min(sb.length(), maxChars)), length, lines, true);
        }
        boolean tooLong = length > maxChars;
        return new Line(tooLong ? sb.substring(0, maxChars) : sb.toString(), length, lines, tooLong);
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            if (n == 0) {
                return fill();
            }
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
