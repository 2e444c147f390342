package coach.console;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * Messages from a terminal through JLine: bracketed paste (a pasted letter of many lines and any length
 * is one message; the terminal's 4 KB line limit does not apply in raw mode), history kept in a file,
 * a line ending with {@code \} continues on the next one. Ctrl+D ends the console, Ctrl+C clears the line.
 */
public final class JLineSource implements Console.LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    /**
     * @param history the history file, or null for none
     */
    public JLineSource(Terminal terminal, Path history) {
        this.terminal = terminal;
        DefaultParser parser = new DefaultParser();
        parser.setEofOnEscapedNewLine(true); // "\" at the end of a line: go on typing on the next one
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).parser(parser)
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" in a letter is text, not history
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "… ");
        if (history != null) {
            b.variable(LineReader.HISTORY_FILE, history).variable(LineReader.HISTORY_SIZE, 500);
        }
        this.reader = b.build();
    }

    @Override
    public String read(String prompt) throws IOException {
        while (true) {
            try {
                String line = reader.readLine(prompt);
                // a line continued with "\" comes back with the backslashes before the line breaks
                return line.replace("\\\n", "\n");
            } catch (UserInterruptException e) {
                // Ctrl+C: the line is dropped, the console goes on
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public void printAbove(String text) {
        reader.printAbove(text);
    }

    @Override
    public boolean interactive() {
        return true;
    }

    /** The terminal's writer, for the console's output. */
    public java.io.PrintStream output() {
        return new java.io.PrintStream(terminal.output(), true, terminal.encoding());
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // history is a convenience
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
