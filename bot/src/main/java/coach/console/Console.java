package coach.console;

import coach.core.Button;
import coach.core.ConversationCore;
import coach.core.Incoming;
import coach.core.Reply;
import coach.text.Lang;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The terminal front end: one line in, the core's replies out. Same commands as the bot; no token, no network. */
public final class Console {
    private final ConversationCore core;
    private final BufferedReader in;
    private final PrintStream out;
    private final ConsoleRenderer renderer;
    private final Lang lang;
    private volatile java.nio.file.Path exports;

    public Console(ConversationCore core, BufferedReader in, PrintStream out, boolean ansi, Lang lang) {
        this.core = core;
        this.in = in;
        this.out = out;
        this.renderer = new ConsoleRenderer(ansi);
        this.lang = lang;
    }

    /** Pictures in replies (progress charts) are written to files in {@code dir} (created when needed) and their paths printed. */
    public Console exportsTo(java.nio.file.Path dir) {
        this.exports = dir;
        return this;
    }

    public void run() throws IOException {
        List<Button> buttons = new ArrayList<>();
        print(core.handle(Incoming.text("console", "console", coach.core.ChatType.PRIVATE, lang, "/start")), buttons);
        out.println(lang == Lang.EN ? "(type /quit to leave; a number presses a button)" : "(выход — /quit; цифра нажимает кнопку)");
        while (true) {
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
                return;
            }
            Incoming msg;
            String t = line.strip();
            if (t.matches("\\d{1,2}") && Integer.parseInt(t) >= 1 && Integer.parseInt(t) <= buttons.size()) {
                msg = Incoming.button("console", "console", coach.core.ChatType.PRIVATE, lang, buttons.get(Integer.parseInt(t) - 1).data());
            } else {
                msg = Incoming.text("console", "console", coach.core.ChatType.PRIVATE, lang, line);
            }
            List<Reply> replies = core.handle(msg);
            buttons = new ArrayList<>();
            print(replies, buttons);
        }
    }

    /** Messages the coach starts itself (a daily tip in the console chat) are printed between prompts. */
    public coach.core.ChatSender sender() {
        return (chatId, reply) -> {
            synchronized (out) {
                out.println();
                out.println(renderer.render(reply, new ArrayList<>()));
                out.print("> ");
                out.flush();
            }
            return coach.core.SendResult.sent();
        };
    }

    private String savePhoto(coach.core.Photo photo) {
        java.nio.file.Path dir = exports == null ? java.nio.file.Path.of("exports") : exports;
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        String name = photo.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        int dot = name.lastIndexOf('.');
        java.nio.file.Path file = dir.resolve(dot > 0 ? name.substring(0, dot) + "-" + stamp + name.substring(dot) : name + "-" + stamp);
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(file, photo.content());
            return (lang == Lang.EN ? "  (chart saved: " : "  (график сохранён: ") + file.toAbsolutePath() + ")";
        } catch (IOException e) {
            return (lang == Lang.EN ? "  (could not save the chart to " : "  (не удалось сохранить график в ") + dir.toAbsolutePath() + ": " + e.getMessage() + ")";
        }
    }

    private void print(List<Reply> replies, List<Button> buttons) {
        synchronized (out) {
            for (Reply r : replies) {
                out.println(renderer.render(r, buttons));
                if (r.photo() != null) {
                    out.println(savePhoto(r.photo()));
                }
                out.println();
            }
            out.flush();
        }
    }
}
