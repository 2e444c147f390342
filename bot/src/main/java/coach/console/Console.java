package coach.console;

import coach.core.Button;
import coach.core.ChatType;
import coach.core.ConversationCore;
import coach.core.Document;
import coach.core.Incoming;
import coach.core.Reply;
import coach.core.Texts;
import coach.text.Lang;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terminal front end: one message in, the core's replies out. Same commands as the bot; no token, no network.
 *
 * <p>A message is what the line source gives: with a terminal (JLine) a pasted multi-line letter is
 * one message; from a pipe one line is one message, and lines between two lines {@code """} are one
 * message. A number presses a button of the last keyboard shown, until a reply with buttons replaces
 * it; a number without a button says so (inside a drill, quiz or form it is an answer). Documents are
 * saved as files in the exports directory and the path is printed.
 */
public final class Console {
    static final String BLOCK = "\"\"\"";
    static final String USER = "console";

    /** Where messages come from: a line editor on a terminal or plain lines from a pipe. */
    public interface LineSource extends AutoCloseable {
        /** The next message (it may span lines), or null at the end of input. */
        String read(String prompt) throws IOException;

        /** Prints text while a prompt may be showing (a daily tip arriving). */
        void printAbove(String text);

        /** Whether this is an interactive terminal. */
        boolean interactive();

        @Override
        default void close() {
        }
    }

    /** Plain line reading (stdin is a pipe or a file). */
    public static LineSource plain(BufferedReader in, PrintStream out) {
        return new LineSource() {
            @Override
            public String read(String prompt) throws IOException {
                synchronized (out) {
                    out.print(prompt);
                    out.flush();
                }
                return in.readLine();
            }

            @Override
            public void printAbove(String text) {
                synchronized (out) {
                    out.println();
                    out.println(text);
                    out.print("> ");
                    out.flush();
                }
            }

            @Override
            public boolean interactive() {
                return false;
            }
        };
    }

    private final ConversationCore core;
    private final LineSource in;
    private final PrintStream out;
    private final ConsoleRenderer renderer;
    private final Lang lang;
    private final Path exports;
    /** The last keyboard shown: numbers press these until another keyboard replaces it. */
    private volatile List<Button> keyboard = new ArrayList<>();

    public Console(ConversationCore core, BufferedReader in, PrintStream out, boolean ansi, Lang lang) {
        this(core, plain(in, out), out, ansi, lang, null);
    }

    /**
     * @param exports where documents are saved (created when needed); null keeps them in memory and prints their name only
     */
    public Console(ConversationCore core, LineSource in, PrintStream out, boolean ansi, Lang lang, Path exports) {
        this.core = core;
        this.in = in;
        this.out = out;
        this.renderer = new ConsoleRenderer(ansi);
        this.lang = lang;
        this.exports = exports;
    }

    private Incoming text(String t) {
        return Incoming.text(USER, USER, ChatType.PRIVATE, lang, t);
    }

    public void run() throws IOException {
        print(core.handle(text("/start")));
        out.println(Texts.get(lang, in.interactive() ? "console.hint" : "console.hint.piped"));
        out.flush();
        while (true) {
            String line = in.read("> ");
            if (line == null) {
                return;
            }
            String t = line.strip();
            if (t.equals("/quit") || t.equals("/exit")) {
                return;
            }
            if (t.equals(BLOCK)) {
                line = block();
                if (line == null) {
                    return;
                }
                t = line.strip();
            }
            Incoming msg;
            if (t.matches("\\d{1,3}") && !line.startsWith(" ")) {
                int n = Integer.parseInt(t);
                if (n >= 1 && n <= keyboard.size()) {
                    msg = Incoming.button(USER, USER, ChatType.PRIVATE, lang, keyboard.get(n - 1).data());
                } else if (core.openSession(text(t)).isPresent()) {
                    msg = text(t); // an answer inside a drill, quiz or form
                } else {
                    say(keyboard.isEmpty() ? Texts.get(lang, "console.no_buttons", "n", t)
                            : Texts.get(lang, "console.no_button", "n", t, "range", keyboard.size() == 1
                                    ? Texts.get(lang, "console.range.one") : Texts.get(lang, "console.range.many", "max", keyboard.size())));
                    continue;
                }
            } else {
                msg = text(line.startsWith(" ") && t.matches("\\d{1,3}") ? t : line);
            }
            print(core.handle(msg));
        }
    }

    /** Lines up to the closing {@code """}, as one message; null at the end of input before anything was read. */
    private String block() throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            String l = in.read("… ");
            if (l == null) {
                if (b.length() > 0) {
                    say(Texts.get(lang, "console.unterminated"));
                    return b.toString();
                }
                return null;
            }
            if (l.strip().equals(BLOCK)) {
                return b.toString();
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(l);
        }
    }

    /** Messages the coach starts itself (a daily tip in the console chat) are printed above the prompt. */
    public coach.core.ChatSender sender() {
        return (chatId, reply) -> {
            List<Button> shown = new ArrayList<>();
            in.printAbove(renderer.render(reply, shown));
            if (!shown.isEmpty()) {
                keyboard = shown; // a tip's «Потренироваться» is the last keyboard now
            }
            return coach.core.SendResult.sent();
        };
    }

    private void say(String s) {
        synchronized (out) {
            out.println(s);
            out.println();
            out.flush();
        }
    }

    private void print(List<Reply> replies) {
        List<Button> shown = new ArrayList<>();
        boolean anyKeyboard = false;
        synchronized (out) {
            for (Reply r : replies) {
                anyKeyboard |= r.buttons().stream().flatMap(List::stream).anyMatch(b -> !b.isCopy());
                out.println(renderer.render(r, shown));
                if (r.buttons().stream().flatMap(List::stream).anyMatch(Button::isCopy)) {
                    out.println(Texts.get(lang, "console.copy"));
                }
                if (r.photo() != null) {
                    // a picture (the progress chart) is saved like a document
                    out.println("  " + save(new Document(r.photo().fileName(), r.photo().mimeType(), r.photo().content())));
                }
                if (r.document() != null) {
                    out.println("  " + save(r.document()));
                }
                out.println();
            }
            out.flush();
        }
        if (anyKeyboard) {
            keyboard = shown;
        }
    }

    /** Saves a document under the exports directory; the line to print. */
    private String save(Document doc) {
        if (exports == null) {
            return "(" + doc.fileName() + ", " + doc.content().length + " B)";
        }
        String name = safeName(doc.fileName());
        try {
            Files.createDirectories(exports);
            Path p = exports.resolve(name);
            int i = 2;
            while (Files.exists(p) && !Arrays.equals(Files.readAllBytes(p), doc.content())) {
                p = exports.resolve(withSuffix(name, i++));
            }
            Files.write(p, doc.content());
            return Texts.get(lang, "console.saved", "path", p.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            return Texts.get(lang, "console.save_failed", "name", name, "why", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static String safeName(String name) {
        String n = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^[.-]+", "");
        return n.isEmpty() ? "document.md" : n;
    }

    static String withSuffix(String name, int i) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "-" + i : name.substring(0, dot) + "-" + i + name.substring(dot);
    }
}
