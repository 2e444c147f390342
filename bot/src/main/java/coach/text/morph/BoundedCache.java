package coach.text.morph;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock-free bounded cache of immutable values: two generations of concurrent maps. New entries go
 * into the young map; when it is full it becomes the old one (the previous old map is dropped), and
 * an old entry that is read again moves back to the young map. Frequent keys stay; memory stays
 * under two generations; readers never block.
 */
public final class BoundedCache<V> {
    private final int capacity;
    private volatile ConcurrentHashMap<String, V> young;
    private volatile ConcurrentHashMap<String, V> old;

    public BoundedCache(int capacity) {
        this.capacity = capacity;
        this.young = new ConcurrentHashMap<>(Math.min(capacity, 4096));
        this.old = new ConcurrentHashMap<>();
    }

    public V get(String key) {
        V v = young.get(key);
        if (v == null) {
            v = old.get(key);
            if (v != null) {
                put(key, v);
            }
        }
        return v;
    }

    public void put(String key, V value) {
        ConcurrentHashMap<String, V> y = young;
        y.put(key, value);
        if (y.size() >= capacity) {
            synchronized (this) {
                if (young == y) {
                    old = y;
                    young = new ConcurrentHashMap<>(Math.min(capacity, 4096));
                }
            }
        }
    }
}
