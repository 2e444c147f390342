package coach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per-user progress as small key/value items, for any feature to use: keys are namespaced by the
 * feature ("drill.best.dissatisfied-client", "quiz.done"), values are short strings (JSON if
 * structured). Each call is its own transaction.
 */
public final class Progress {
    public static final int MAX_KEY = 200;
    public static final int MAX_VALUE = 100_000;
    private final Store store;

    Progress(Store store) {
        this.store = store;
    }

    public Optional<String> get(String userId, String key) {
        return store.read("reading progress", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item_value FROM progress WHERE user_id = ? AND item_key = ?")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, Ids.check(key, MAX_KEY));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String userId, String key, String value) {
        if (value == null || value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("progress value must be non-null and at most " + MAX_VALUE + " characters");
        }
        long now = System.currentTimeMillis();
        store.tx("saving progress", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO progress (user_id, item_key, item_value, updated_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (user_id, item_key) DO UPDATE SET item_value = excluded.item_value, updated_at = excluded.updated_at")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, Ids.check(key, MAX_KEY));
                ps.setString(3, value);
                ps.setLong(4, now);
                return ps.executeUpdate();
            }
        });
    }

    /** Adds {@code delta} to a numeric item (missing counts as 0) atomically and returns the new value. */
    public long add(String userId, String key, long delta) {
        long now = System.currentTimeMillis();
        return store.tx("updating progress", c -> {
            // One upsert: the row lock (PostgreSQL) or the write lock (SQLite) makes concurrent adds add up.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO progress (user_id, item_key, item_value, updated_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (user_id, item_key) DO UPDATE SET "
                            + "item_value = CAST(CAST(progress.item_value AS BIGINT) + ? AS VARCHAR(30)), updated_at = excluded.updated_at")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, Ids.check(key, MAX_KEY));
                ps.setString(3, Long.toString(delta));
                ps.setLong(4, now);
                ps.setLong(5, delta);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT item_value FROM progress WHERE user_id = ? AND item_key = ?")) {
                ps.setString(1, userId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Long.parseLong(rs.getString(1).strip());
                }
            }
        });
    }

    public boolean remove(String userId, String key) {
        return store.tx("removing progress", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM progress WHERE user_id = ? AND item_key = ?")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, Ids.check(key, MAX_KEY));
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The user's items whose keys start with {@code prefix} ("" for all), sorted by key. */
    public Map<String, String> all(String userId, String prefix) {
        return store.read("reading progress", c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item_key, item_value FROM progress WHERE user_id = ? ORDER BY item_key")) {
                ps.setString(1, Ids.check(userId));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1).startsWith(prefix)) {
                            out.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return out;
        });
    }
}
