package coach.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.core.Incoming;
import coach.core.Permissions;
import coach.core.Texts;
import coach.store.Store;
import coach.text.Lang;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over the real coach and a real SQLite store: piped lines, and a terminal through JLine. */
class ConsoleTest {
    static Store store;
    static Coach coach;
    @TempDir
    static Path dir;

    @BeforeAll
    static void up() {
        store = Store.open(dir.resolve("db"));
        coach = Coach.create(TestKb.source(), Coach.Options.withStore(store, Permissions.ALL));
    }

    @AfterAll
    static void down() {
        store.close();
    }

    /** A letter of five lines and about 6 000 characters whose only risky phrase is in its last line. */
    static String longLetter() {
        String l2 = "Благодарим вас за обращение и подробное описание ситуации с поставкой офисной мебели по договору № 418 от 3 марта. ".repeat(17);
        String l3 = "Мы проверили документы по заказу, сверили накладные со складом и уточнили у перевозчика, на каком этапе находится груз. ".repeat(17);
        String l4 = "Со своей стороны мы готовы направить вам копии всех документов, акт сверки и график отгрузок на следующий квартал. ".repeat(17);
        String letter = String.join("\n", "Добрый день, Анна Сергеевна!", l2.strip(), l3.strip(), l4.strip(), "Ждите, ответим на днях.");
        assertTrue(letter.length() >= 6000, "length " + letter.length());
        return letter;
    }

    static String piped(String input, Path exports) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new Console(coach.core(), Console.plain(new BufferedReader(new StringReader(input)), out), out, false, Lang.RU, exports).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aPipedMultiLineLetterBetweenTripleQuotesIsOneDraft() throws Exception {
        String out = piped("\"\"\"\n" + longLetter() + "\n\"\"\"\n/quit\n", null);
        assertEquals(1, count(out, "Это вопрос"), "one report: " + out);
        assertTrue(out.contains("[Ждите]") || out.contains("«Ждите»"), "the risky phrase of the last line is found: " + out);
        assertFalse(out.contains(Texts.get(Lang.RU, "check.clean")), out);
    }

    @Test
    void aPastedLetterOnATerminalIsOneDraft() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal t = TerminalBuilder.builder().system(false).streams(in, screen).type("xterm").encoding(StandardCharsets.UTF_8)
                .size(new org.jline.terminal.Size(120, 40)).build();
        JLineSource source = new JLineSource(t, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Console console = new Console(coach.core(), source, out, false, Lang.RU, null);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread typist = new Thread(() -> {
            try {
                // bracketed paste as a terminal sends it, then Enter; then a quit
                keys.write(("\u001b[200~" + longLetter().replace("\n", "\r") + "\u001b[201~").getBytes(StandardCharsets.UTF_8));
                keys.write("\r".getBytes(StandardCharsets.UTF_8));
                keys.write("/quit\r".getBytes(StandardCharsets.UTF_8));
                keys.flush();
                done.await(); // a pipe whose writer has gone is "dead" to the terminal's reader: stay until the console is done
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        typist.start();
        console.run();
        source.close();
        done.countDown();
        typist.join();
        String o = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, count(o, "Это вопрос"), "the pasted letter is one message with one report: " + o);
        assertTrue(o.contains("«Ждите»") || o.contains("[Ждите]"), o);
        assertTrue(o.contains("Анна Сергеевна"), "the best version keeps the whole letter: " + o);
    }

    @Test
    void numbersPressTheLastKeyboardUntilAnotherReplacesIt() throws Exception {
        String out = piped("/start\n/help\n5\n99\n", null);
        // /help has no buttons: "5" still presses the 5th button of /start (Материалы)
        assertTrue(out.contains(Texts.get(Lang.RU, "materials.title")), out);
        assertTrue(out.contains("Кнопки 99 нет"), out);
        assertFalse(out.contains(Texts.get(Lang.RU, "ask.none")), out);
    }

    @Test
    void aNumberWithoutAnyKeyboardSaysSo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // a fresh console user: the welcome's keyboard has 6 buttons, "7" is none of them
        new Console(coach.core(), Console.plain(new BufferedReader(new StringReader("7\n 7\n")), out), out, false, Lang.RU, null).run();
        String o = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("Кнопки 7 нет: в последнем меню кнопки 1–6"), o);
    }

    @Test
    void materialsAreSavedAsFilesAndThePathIsPrinted() throws Exception {
        Path exports = dir.resolve("exports");
        String out = piped("/materials complaint-response-template\n", exports);
        Matcher m = Pattern.compile("Сохранено в файл: (\\S+)").matcher(out);
        assertTrue(m.find(), out);
        Path saved = Path.of(m.group(1));
        assertTrue(saved.startsWith(exports.toAbsolutePath().normalize()), saved.toString());
        assertTrue(Files.readString(saved).contains("{{"), "the template itself was saved");
    }

    @Test
    void aDrillOpenAfterARestartIsShownInTheWelcome() throws Exception {
        Path db = dir.resolve("restart");
        try (Store s = Store.open(db)) {
            Coach c = Coach.create(TestKb.source(), Coach.Options.withStore(s, Permissions.ALL));
            c.core().handle(Incoming.console("/drill dissatisfied-client"));
            assertTrue(c.core().openSession(Incoming.console("x")).isPresent());
        }
        try (Store s = Store.open(db)) {
            Coach c = Coach.create(TestKb.source(), Coach.Options.withStore(s, Permissions.ALL));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            // "8" is the welcome's «Выйти» (6 menu buttons, then Продолжить, Выйти)
            new Console(c.core(), Console.plain(new BufferedReader(new StringReader("8\n")), out), out, false, Lang.RU, null).run();
            String o = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(o.contains("У вас открыто"), o);
            assertTrue(o.contains("[7] Продолжить") && o.contains("[8] Выйти"), o);
            assertTrue(c.core().openSession(Incoming.console("x")).isEmpty(), "«Выйти» left the drill: " + o);
        }
    }

    @Test
    void safeFileNames() {
        assertEquals("a-b.md", Console.safeName("a/b.md"));
        assertEquals("x-2.md", Console.withSuffix("x.md", 2));
    }
}
