package coach.tips;

import coach.core.ChatSender;
import coach.core.Reply;
import coach.core.SendResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A sender that records what it was asked to send; its answers can be scripted per call. */
final class RecordingSender implements ChatSender {
    record Sent(String chatId, Reply reply, Instant at, SendResult result) {
    }

    private final Clock clock;
    private final List<Sent> calls = new ArrayList<>();
    private volatile BiFunction<String, Integer, SendResult> answer = (chat, n) -> SendResult.sent();

    RecordingSender(Clock clock) {
        this.clock = clock;
    }

    /** (chat id, 1-based call number) → result; may throw to simulate a broken transport. */
    RecordingSender answering(BiFunction<String, Integer, SendResult> a) {
        this.answer = a;
        return this;
    }

    @Override
    public SendResult send(String chatId, Reply reply) {
        int n;
        synchronized (this) {
            n = calls.size() + 1;
            calls.add(null);
        }
        SendResult r;
        try {
            r = answer.apply(chatId, n);
        } catch (RuntimeException e) {
            synchronized (this) {
                calls.set(n - 1, new Sent(chatId, reply, clock.instant(), SendResult.failed("threw " + e)));
            }
            throw e;
        }
        synchronized (this) {
            calls.set(n - 1, new Sent(chatId, reply, clock.instant(), r));
        }
        return r;
    }

    synchronized List<Sent> calls() {
        return List.copyOf(calls);
    }

    /** Calls that the sender reported as delivered. */
    synchronized List<Sent> delivered() {
        return calls.stream().filter(s -> s.result().ok()).toList();
    }

    synchronized List<Sent> deliveredTo(String chatId) {
        return delivered().stream().filter(s -> s.chatId().equals(chatId)).toList();
    }
}
