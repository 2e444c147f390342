package coach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages a transport could not send yet, in order per chat. The transport owns the payload's format
 * (a rendered message as JSON); the store keeps it durable, so an outage or a restart loses nothing
 * younger than the transport's age limit.
 */
public final class Outbox {
    /** One kept message. */
    public record Item(String chatId, long seq, String payload, Instant createdAt, int attempts) {
    }

    private final Store store;
    private final AtomicLong lastSeq = new AtomicLong();

    Outbox(Store store) {
        this.store = store;
    }

    private long nextSeq() {
        // time-based, so the order holds across restarts and replicas; strictly increasing within a process
        long now = System.currentTimeMillis() * 1000;
        return lastSeq.accumulateAndGet(now, (last, t) -> Math.max(last + 1, t));
    }

    /** Keeps the messages (in this order, after what the chat has waiting already) in one transaction. */
    public void add(String chatId, List<String> payloads, Instant now) {
        if (payloads.isEmpty()) {
            return;
        }
        store.tx("keeping replies to send later", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox (chat_id, seq, payload, created_at, attempts) VALUES (?, ?, ?, ?, 0)")) {
                for (String p : payloads) {
                    ps.setString(1, Ids.check(chatId));
                    ps.setLong(2, nextSeq());
                    ps.setString(3, p);
                    ps.setLong(4, now.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The chat's oldest kept messages, oldest first. */
    public List<Item> pending(String chatId, int limit) {
        return store.read("reading kept replies", c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT chat_id, seq, payload, created_at, attempts FROM outbox WHERE chat_id = ? ORDER BY seq LIMIT ?")) {
                ps.setString(1, chatId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Item(rs.getString(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Chats that have messages waiting. */
    public List<String> chats() {
        return store.read("listing chats with kept replies", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT chat_id FROM outbox ORDER BY chat_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** A message was sent (or given up): it leaves the outbox. */
    public void remove(String chatId, long seq) {
        store.tx("removing a sent reply", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE chat_id = ? AND seq = ?")) {
                ps.setString(1, chatId);
                ps.setLong(2, seq);
                return ps.executeUpdate();
            }
        });
    }

    /** Drops everything a chat has waiting (it refused the bot); returns how many. */
    public int removeChat(String chatId) {
        return store.tx("dropping kept replies", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE chat_id = ?")) {
                ps.setString(1, chatId);
                return ps.executeUpdate();
            }
        });
    }

    /** Another attempt failed. */
    public void failed(String chatId, long seq, String error) {
        store.tx("recording a failed reply", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE chat_id = ? AND seq = ?")) {
                ps.setString(1, error == null ? "" : error.length() > 500 ? error.substring(0, 500) : error);
                ps.setString(2, chatId);
                ps.setLong(3, seq);
                return ps.executeUpdate();
            }
        });
    }

    public int count() {
        return store.read("counting kept replies", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
