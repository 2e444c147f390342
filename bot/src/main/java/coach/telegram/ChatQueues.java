package coach.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks keyed by chat: tasks of one chat run one after another in arrival order, different
 * chats run in parallel on a fixed pool. A chat with work waiting goes to the back of the line after
 * each task, so a chat flooding the bot gets one turn per round like everybody else; and it may have
 * at most {@code maxPerChat} tasks waiting, beyond which {@link #submit} refuses.
 */
final class ChatQueues {
    private static final Logger LOG = LoggerFactory.getLogger(ChatQueues.class);

    enum Admission { QUEUED, FULL, CLOSED }

    private final ThreadPoolExecutor pool;
    private final int maxPerChat;
    private final Map<String, Lane> lanes = new HashMap<>();
    private boolean closed;

    private final class Lane implements Runnable {
        final String key;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        boolean scheduled;

        Lane(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            Runnable task;
            synchronized (ChatQueues.this) {
                task = tasks.poll();
            }
            if (task != null) {
                try {
                    task.run();
                } catch (Throwable t) {
                    LOG.error("a task of chat {} failed: {}", key, Tokens.describe(t));
                }
            }
            synchronized (ChatQueues.this) {
                if (tasks.isEmpty()) {
                    scheduled = false;
                    lanes.remove(key);
                    ChatQueues.this.notifyAll();
                } else {
                    pool.execute(this);
                }
            }
        }
    }

    ChatQueues(int threads, int maxPerChat, String threadName) {
        this.maxPerChat = maxPerChat;
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads(threadName));
        this.pool.allowCoreThreadTimeOut(true);
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Queues a task for a chat; {@code force} queues even over the per-chat limit (for a one-off notice). */
    synchronized Admission submit(String key, Runnable task, boolean force) {
        if (closed) {
            return Admission.CLOSED;
        }
        Lane lane = lanes.computeIfAbsent(key, Lane::new);
        if (!force && lane.tasks.size() >= maxPerChat) {
            return Admission.FULL;
        }
        lane.tasks.add(task);
        if (!lane.scheduled) {
            lane.scheduled = true;
            pool.execute(lane);
        }
        return Admission.QUEUED;
    }

    synchronized int waiting(String key) {
        Lane lane = lanes.get(key);
        return lane == null ? 0 : lane.tasks.size();
    }

    /** Refuses new tasks and waits up to {@code millis} for the queued ones; true when all finished. */
    boolean drain(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (this) {
            closed = true;
            while (!lanes.isEmpty()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
        }
        return true;
    }

    /** Stops the threads (interrupting tasks still running). */
    void shutdownNow() {
        synchronized (this) {
            closed = true;
            lanes.values().forEach(l -> l.tasks.clear());
        }
        pool.shutdownNow();
    }

    boolean awaitTermination(long millis) throws InterruptedException {
        return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
