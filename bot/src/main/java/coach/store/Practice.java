package coach.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Practice history for progress and the team view: finished drills and answered quiz items with
 * how often each criterion was met, quiz items due for review (Leitner boxes), consent to share, and
 * who was seen in which group. {@link #forget} removes everything the store holds about a user.
 *
 * <p>{@code Practice.of(store)}; every call is its own transaction. Thread-safe.
 */
public final class Practice {
    public static final String DRILL = "drill";
    public static final String QUIZ = "quiz";
    /** How many rows of a user's history are read at most (newest first): enough for the last runs of every criterion. */
    static final int MAX_HISTORY = 5000;

    /** One finished drill or answered quiz item. */
    public record Run(String runId, String kind, String itemId, int score, Instant finishedAt) {
    }

    /** One criterion in one run: met in {@code met} of {@code assessed} turns. */
    public record CriterionResult(String runId, String criterionId, int met, int assessed, Instant finishedAt) {
    }

    /** A quiz item waiting in a Leitner box. */
    public record Review(String itemId, int box, Instant dueAt, int lastScore) {
    }

    /** A user seen in a group, and whether they chose to share their practice. */
    public record Member(String userId, String displayName, boolean shared, Instant lastSeen) {
    }

    private final Store store;

    private Practice(Store store) {
        this.store = store;
    }

    public static Practice of(Store store) {
        return new Practice(store);
    }

    // ---------------------------------------------------------------- runs

    /** Records a run and its per-criterion outcomes (criterion id → {met, assessed}) in one transaction; returns the run id. */
    public String record(String userId, String kind, String itemId, int score, Map<String, int[]> criteria, Instant at) {
        String runId = UUID.randomUUID().toString();
        store.tx("recording practice", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO practice_runs (run_id, user_id, kind, item_id, score, finished_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setString(2, Ids.check(userId));
                ps.setString(3, Ids.check(kind, 16));
                ps.setString(4, Ids.check(itemId));
                ps.setInt(5, Math.max(0, Math.min(100, score)));
                ps.setLong(6, at.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO practice_criteria (run_id, user_id, criterion_id, met, assessed, finished_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, int[]> e : criteria.entrySet()) {
                    int[] v = e.getValue();
                    if (v[1] <= 0) {
                        continue;
                    }
                    ps.setString(1, runId);
                    ps.setString(2, userId);
                    ps.setString(3, Ids.check(e.getKey()));
                    ps.setInt(4, Math.max(0, Math.min(v[0], v[1])));
                    ps.setInt(5, v[1]);
                    ps.setLong(6, at.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return runId;
    }

    /** The user's runs, newest first; {@code kind} null for all kinds, {@code since} null for all time. */
    public List<Run> runs(String userId, String kind, Instant since) {
        return store.read("reading practice", c -> {
            List<Run> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, kind, item_id, score, finished_at FROM practice_runs "
                    + "WHERE user_id = ? AND finished_at >= ? ORDER BY finished_at DESC, run_id LIMIT " + MAX_HISTORY)) {
                ps.setString(1, Ids.check(userId));
                ps.setLong(2, since == null ? Long.MIN_VALUE : since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (kind == null || kind.equals(rs.getString(2))) {
                            out.add(new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), Instant.ofEpochMilli(rs.getLong(5))));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The user's per-criterion outcomes, newest first ({@code since} null for all time). */
    public List<CriterionResult> criteria(String userId, Instant since) {
        return store.read("reading practice", c -> {
            List<CriterionResult> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, criterion_id, met, assessed, finished_at FROM practice_criteria "
                    + "WHERE user_id = ? AND finished_at >= ? ORDER BY finished_at DESC, run_id LIMIT " + MAX_HISTORY)) {
                ps.setString(1, Ids.check(userId));
                ps.setLong(2, since == null ? Long.MIN_VALUE : since.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CriterionResult(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- spaced review

    public Optional<Review> review(String userId, String itemId) {
        return store.read("reading a quiz review", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, box, due_at, last_score FROM quiz_reviews WHERE user_id = ? AND item_id = ?")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, Ids.check(itemId));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(review(rs)) : Optional.<Review>empty();
                }
            }
        });
    }

    /** Puts an item in a box, due at {@code dueAt}. */
    public void scheduleReview(String userId, String itemId, int box, Instant dueAt, int score) {
        long now = System.currentTimeMillis();
        store.tx("saving a quiz review", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO quiz_reviews (user_id, item_id, box, due_at, last_score, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at, "
                    + "last_score = excluded.last_score, updated_at = excluded.updated_at")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, Ids.check(itemId));
                ps.setInt(3, box);
                ps.setLong(4, dueAt.toEpochMilli());
                ps.setInt(5, score);
                ps.setLong(6, now);
                return ps.executeUpdate();
            }
        });
    }

    /** Takes an item out of review (learnt). */
    public void retireReview(String userId, String itemId) {
        store.tx("removing a quiz review", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM quiz_reviews WHERE user_id = ? AND item_id = ?")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, Ids.check(itemId));
                return ps.executeUpdate();
            }
        });
    }

    /** Items due at {@code now}, the longest overdue first. */
    public List<Review> dueReviews(String userId, Instant now) {
        return store.read("listing quiz reviews", c -> {
            List<Review> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, box, due_at, last_score FROM quiz_reviews "
                    + "WHERE user_id = ? AND due_at <= ? ORDER BY due_at, item_id")) {
                ps.setString(1, Ids.check(userId));
                ps.setLong(2, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(review(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4));
    }

    // ---------------------------------------------------------------- sharing and groups

    public void setShared(String userId, boolean shared) {
        long now = System.currentTimeMillis();
        store.tx("saving the sharing choice", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO practice_sharing (user_id, shared, updated_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT (user_id) DO UPDATE SET shared = excluded.shared, updated_at = excluded.updated_at")) {
                ps.setString(1, Ids.check(userId));
                ps.setInt(2, shared ? 1 : 0);
                ps.setLong(3, now);
                return ps.executeUpdate();
            }
        });
    }

    /** Off unless the user turned it on. */
    public boolean isShared(String userId) {
        return store.read("reading the sharing choice", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT shared FROM practice_sharing WHERE user_id = ?")) {
                ps.setString(1, Ids.check(userId));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    /** Records that the user wrote in the group (name as the transport shows it, cut to 128 characters). */
    public void memberSeen(String chatId, String userId, String displayName, Instant at) {
        String name = displayName == null || displayName.isBlank() ? userId : displayName.strip();
        String shown = name.length() > Ids.MAX ? name.substring(0, Ids.MAX) : name;
        store.tx("recording a group member", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_members (chat_id, user_id, display_name, last_seen_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (chat_id, user_id) DO UPDATE SET display_name = excluded.display_name, last_seen_at = excluded.last_seen_at")) {
                ps.setString(1, Ids.check(chatId));
                ps.setString(2, Ids.check(userId));
                ps.setString(3, shown);
                ps.setLong(4, at.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public void memberLeft(String chatId, String userId) {
        store.tx("removing a group member", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_members WHERE chat_id = ? AND user_id = ?")) {
                ps.setString(1, Ids.check(chatId));
                ps.setString(2, Ids.check(userId));
                return ps.executeUpdate();
            }
        });
    }

    /** The group's known members with their sharing choice, by name. */
    public List<Member> members(String chatId) {
        return store.read("listing group members", c -> {
            List<Member> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.user_id, m.display_name, COALESCE(s.shared, 0), m.last_seen_at FROM chat_members m "
                    + "LEFT JOIN practice_sharing s ON s.user_id = m.user_id WHERE m.chat_id = ? ORDER BY m.display_name, m.user_id")) {
                ps.setString(1, Ids.check(chatId));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Member(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * A group became a supergroup with a new id: its members and its weekly digest (subscription and
     * delivery records) move to the new id in one transaction; what the new id has already wins.
     */
    public int migrateChat(String from, String to) {
        Ids.check(from);
        Ids.check(to);
        return store.tx("moving a group's members and digest to its new id", c -> {
            int n = 0;
            String[] moves = {
                "UPDATE chat_members SET chat_id = ? WHERE chat_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM chat_members x WHERE x.chat_id = ? AND x.user_id = chat_members.user_id)",
                "UPDATE digest_subscriptions SET chat_id = ? WHERE chat_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM digest_subscriptions x WHERE x.chat_id = ?)",
                "UPDATE digest_deliveries SET chat_id = ? WHERE chat_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM digest_deliveries x WHERE x.chat_id = ? AND x.local_date = digest_deliveries.local_date)",
            };
            for (String sql : moves) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, to);
                    ps.setString(2, from);
                    ps.setString(3, to);
                    n += ps.executeUpdate();
                }
            }
            for (String table : new String[]{"chat_members", "digest_subscriptions", "digest_deliveries"}) {
                n += update(c, "DELETE FROM " + table + " WHERE chat_id = ?", from);
            }
            return n;
        });
    }

    // ---------------------------------------------------------------- forgetting

    /**
     * Deletes everything the store holds about the user, in one transaction: every row of every table
     * with a {@code user_id} column (runs, answers, reviews, sharing, memberships, preferences, progress,
     * sessions, also in tables added later), every row of the user's private chat (its {@code chat_id}:
     * subscriptions, deliveries), the user's tip rotations, and the user as the subscriber of group
     * subscriptions. Returns the number of rows changed.
     */
    public int forget(String userId, String privateChatId) {
        Ids.check(userId);
        Ids.check(privateChatId);
        return store.tx("forgetting a user", c -> {
            int n = 0;
            for (Map.Entry<String, Set<String>> t : tables(c).entrySet()) {
                String table = t.getKey();
                Set<String> cols = t.getValue();
                if (cols.contains("user_id")) {
                    n += update(c, "DELETE FROM " + table + " WHERE user_id = ?", userId);
                }
                if (cols.contains("chat_id")) {
                    n += update(c, "DELETE FROM " + table + " WHERE chat_id = ?", privateChatId);
                }
                if (cols.contains("subscribed_by")) {
                    n += update(c, "UPDATE " + table + " SET subscribed_by = NULL WHERE subscribed_by = ?", userId);
                }
                if (cols.contains("stream")) {
                    // rotations are named "<kind>:<chat>" or "<kind>:<chat>:<user>"
                    List<String> streams = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT stream FROM " + table);
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String s = rs.getString(1);
                            if (s != null && (s.endsWith(":" + userId) || s.endsWith(":" + privateChatId) || s.contains(":" + userId + ":"))) {
                                streams.add(s);
                            }
                        }
                    }
                    for (String s : streams) {
                        n += update(c, "DELETE FROM " + table + " WHERE stream = ?", s);
                    }
                }
            }
            return n;
        });
    }

    private static int update(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }

    /** The application's tables (not Flyway's) and their lower-case column names. */
    static Map<String, Set<String>> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !name.toLowerCase(Locale.ROOT).startsWith("flyway_") && !name.startsWith("sqlite_")) {
                    out.put(name, new TreeSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> t : out.entrySet()) {
            try (ResultSet rs = md.getColumns(null, schema, t.getKey(), "%")) {
                while (rs.next()) {
                    t.getValue().add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
