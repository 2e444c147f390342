package coach.text.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The analysis cache: bounded, keeps what is read again, never answers with another key's value. */
class BoundedCacheTest {
    @Test
    void keepsFrequentKeysAndDropsOldOnes() {
        BoundedCache<String> c = new BoundedCache<>(4);
        c.put("a", "A");
        c.put("b", "B");
        c.put("c", "C");
        c.put("d", "D"); // young is full: it becomes the old generation
        assertEquals("A", c.get("a")); // read again: back in the young one
        for (int i = 0; i < 8; i++) {
            c.put("x" + i, "X" + i);
        }
        assertNull(c.get("b"), "two generations later an unread key is gone");
        assertEquals("X7", c.get("x7"));
    }

    @Test
    void concurrentUseNeverMixesUpValues() throws Exception {
        BoundedCache<String> c = new BoundedCache<>(64);
        AtomicInteger wrong = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        String k = "k" + ((i * 31 + seed) % 500);
                        String v = c.get(k);
                        if (v == null) {
                            c.put(k, "v" + k);
                        } else if (!v.equals("v" + k)) {
                            wrong.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, wrong.get());
        int kept = 0;
        for (int i = 0; i < 500; i++) {
            kept += c.get("k" + i) != null ? 1 : 0;
        }
        assertTrue(kept <= 128, "at most two generations: " + kept);
    }
}
