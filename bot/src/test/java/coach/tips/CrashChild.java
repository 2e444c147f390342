package coach.tips;

import coach.core.ChatSender;
import coach.core.Reply;
import coach.core.SendResult;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bot process for {@link TipCrashTest}: runs one pass of the scheduler over the given database and
 * "sends" by appending the chat id to a log file (flushed to disk). At call number {@code blockAt} it
 * announces itself and hangs until the test kills it: before writing the log line
 * ({@code before-send}: the claim is committed, the message never left) or after it
 * ({@code after-send}: the message left, its result was never recorded).
 *
 * <p>Arguments: data dir, knowledge-base dir, sent-log file, blockAt, mode, clock instant.
 */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path kbDir = Path.of(args[1]);
        Path log = Path.of(args[2]);
        int blockAt = Integer.parseInt(args[3]);
        boolean afterSend = args[4].equals("after-send");
        Clock clock = Clock.fixed(Instant.parse(args[5]), ZoneOffset.UTC);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AtomicInteger calls = new AtomicInteger();
        ChatSender sender = new ChatSender() {
            @Override
            public SendResult send(String chatId, Reply reply) {
                int n = calls.incrementAndGet();
                if (n == blockAt && !afterSend) {
                    hang(out, chatId);
                }
                append(log, chatId);
                if (n == blockAt) {
                    hang(out, chatId);
                }
                return SendResult.sent();
            }
        };
        Store store = Store.open(data);
        TipCatalogue catalogue = TipCatalogue.load(KnowledgeBase.load(ContentSource.directory(kbDir)));
        try (TipScheduler s = new TipScheduler(store, catalogue, sender, clock, TipScheduler.Settings.defaults().withSendThreads(1))) {
            s.runDue();
        }
        out.println("DONE");
    }

    private static void hang(PrintStream out, String chatId) {
        out.println("BLOCKED " + chatId);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void append(Path log, String chatId) {
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap((chatId + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
