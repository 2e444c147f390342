package coach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Send limits shared by every replica on the store: a generic cell-rate algorithm (GCRA) per limit
 * key, kept as one row, updated in one statement. A message reserves its slot: the row's theoretical
 * arrival time moves one interval on, and the caller waits until its slot starts; a slot further away
 * than the caller may wait is not taken at all. {@code interval} is the steady spacing of messages,
 * {@code tolerance} the burst allowed on top ({@code (burst - 1) × interval}).
 */
public final class SendPace {
    private final Store store;

    SendPace(Store store) {
        this.store = store;
    }

    /**
     * Reserves a slot for one message under {@code key}; returns how many milliseconds the caller must
     * wait before sending (0: now), or -1 when the slot would start later than {@code maxWaitMs} (nothing reserved).
     */
    public long reserve(String key, long nowMs, long intervalMs, long toleranceMs, long maxWaitMs) {
        return store.relaxed("reserving a send slot", c -> {
            // start = max(tat, now); allowed when start - tolerance - now <= maxWait; new tat = start + interval
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO send_pace (pace_key, tat) VALUES (?, ?) ON CONFLICT (pace_key) DO UPDATE "
                            + "SET tat = (CASE WHEN send_pace.tat > ? THEN send_pace.tat ELSE ? END) + ? "
                            + "WHERE (CASE WHEN send_pace.tat > ? THEN send_pace.tat ELSE ? END) - ? - ? <= ? RETURNING tat")) {
                ps.setString(1, key);
                ps.setLong(2, nowMs + intervalMs);
                ps.setLong(3, nowMs);
                ps.setLong(4, nowMs);
                ps.setLong(5, intervalMs);
                ps.setLong(6, nowMs);
                ps.setLong(7, nowMs);
                ps.setLong(8, toleranceMs);
                ps.setLong(9, nowMs);
                ps.setLong(10, maxWaitMs);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return -1L;
                    }
                    long sendAt = rs.getLong(1) - intervalMs - toleranceMs;
                    return Math.max(0, sendAt - nowMs);
                }
            }
        });
    }

    /** Forgets rows whose slots all lie before {@code beforeMs} (idle chats); returns how many. */
    public int purge(long beforeMs) {
        return store.relaxed("purging old send slots", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM send_pace WHERE tat < ?")) {
                ps.setLong(1, beforeMs);
                return ps.executeUpdate();
            }
        });
    }
}
