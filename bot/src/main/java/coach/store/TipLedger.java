package coach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

/**
 * What tips were sent where, and each rotation's progress.
 *
 * <p>Daily tips follow claim → send → record. {@link #claimDaily} inserts the row (chat, local date)
 * whose primary key allows one daily tip per chat per local date, picks the tip and moves the chat's
 * next slot to tomorrow, all in one transaction, <em>before</em> anything is sent. Whoever inserts the
 * row sends; everyone else (a second replica, a restarted process, a late tick) sees the row and does
 * nothing. If the process dies after the claim and before the result is recorded, the row stays
 * {@link #CLAIMED}: that tip is never sent again (it may or may not have reached the chat), so a crash
 * can cost one day's tip for the chats in flight but never sends one twice.
 */
public final class TipLedger {
    /** Claimed, being sent (or the sender died: then it stays so). */
    public static final String CLAIMED = "claimed";
    public static final String SENT = "sent";
    /** Not delivered; retried later the same local day while attempts remain. */
    public static final String FAILED = "failed";
    /** The chat refused it (403): the subscription was disabled with it. */
    public static final String FORBIDDEN = "forbidden";
    /** Sent without an answer (a timeout, a server error): it may have arrived, so it is never sent again. */
    public static final String UNKNOWN = "unknown";
    /** Failed and its local day is over: not sent late. */
    public static final String EXPIRED = "expired";

    private static final String DELIVERY_COLUMNS = "chat_id, local_date, tip_id, status, attempts, claimed_at, claimed_by, retry_at, finished_at, detail";

    /** One daily delivery record. */
    public record Delivery(String chatId, LocalDate date, String tipId, String status, int attempts, Instant claimedAt,
                           String claimedBy, Instant retryAt, Instant finishedAt, String detail) {
    }

    /** A failed delivery due for another attempt, with its chat's subscription. */
    public record Retry(Delivery delivery, Subscription subscription) {
    }

    /** Chooses the next tip of a rotation from its state (the caller owns the order). */
    @FunctionalInterface
    public interface Picker {
        /**
         * @param cycle   the rotation's current cycle (0 for a new rotation)
         * @param seen    tips already shown in this cycle
         * @param lastTip the tip shown last, or null
         */
        Pick pick(int cycle, Set<String> seen, String lastTip);
    }

    /** A tip and the cycle it belongs to (the current one, or the next when the current is used up). */
    public record Pick(String tipId, int cycle) {
    }

    private final Store store;
    private final Feed feed;

    TipLedger(Store store) {
        this(store, Feed.DAILY);
    }

    TipLedger(Store store, Feed feed) {
        this.store = store;
        this.feed = feed;
    }

    /** The delivery records of another feed (the weekly digest) in the same store. */
    public static TipLedger of(Store store, Feed feed) {
        return feed == Feed.DAILY ? store.tips() : new TipLedger(store, feed);
    }

    /**
     * Claims the chat's delivery for {@code date} of a feed whose message is made at send time (the
     * weekly digest): the same claim-before-send row as {@link #claimDaily}, with {@code itemId}
     * recorded instead of a tip picked from a rotation.
     */
    public boolean claimSlot(String chatId, LocalDate date, Instant nextSlot, String instance, Instant now, String itemId) {
        return claimDaily(chatId, date, nextSlot, instance, now, null, (cycle, seen, last) -> new Pick(itemId, cycle)).isPresent();
    }

    /**
     * Claims the chat's daily tip for {@code date} and picks it; empty when the date is already claimed
     * (by this or another instance). Either way the chat's next slot becomes {@code nextSlot}.
     */
    public Optional<String> claimDaily(String chatId, LocalDate date, Instant nextSlot, String instance, Instant now, String stream, Picker picker) {
        return store.tx("claiming a daily tip", c -> {
            int inserted;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + feed.deliveries + " (chat_id, local_date, tip_id, status, attempts, claimed_at, claimed_by) "
                    + "VALUES (?, ?, '', ?, 1, ?, ?) ON CONFLICT (chat_id, local_date) DO NOTHING")) {
                ps.setString(1, Ids.check(chatId));
                ps.setString(2, date.toString());
                ps.setString(3, CLAIMED);
                ps.setLong(4, now.toEpochMilli());
                ps.setString(5, Ids.check(instance, 64));
                inserted = ps.executeUpdate();
            }
            Subscriptions.reschedule(c, feed, chatId, nextSlot);
            if (inserted == 0) {
                return Optional.<String>empty();
            }
            String tip = stream == null ? picker.pick(0, Set.of(), null).tipId() : advance(c, stream, picker);
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + feed.deliveries + " SET tip_id = ? WHERE chat_id = ? AND local_date = ?")) {
                ps.setString(1, tip);
                ps.setString(2, chatId);
                ps.setString(3, date.toString());
                ps.executeUpdate();
            }
            return Optional.of(tip);
        });
    }

    /** Records a delivered tip. */
    public void recordSent(String chatId, LocalDate date, Instant now) {
        finish(chatId, date, SENT, "", null, now);
    }

    /** Records a send whose outcome is unknown: not retried ("never two" wins over "at most one missed"). */
    public void recordUnknown(String chatId, LocalDate date, String detail, Instant now) {
        finish(chatId, date, UNKNOWN, detail, null, now);
    }

    /** Records a failed attempt; {@code retryAt} null means no more attempts. */
    public void recordFailed(String chatId, LocalDate date, String detail, Instant retryAt, Instant now) {
        finish(chatId, date, FAILED, detail, retryAt, now);
    }

    /** Records a refusal (403) and disables the chat's subscription in the same transaction. */
    public void recordForbidden(String chatId, LocalDate date, String detail, Instant now) {
        store.tx("recording a refused tip", c -> {
            finish(c, chatId, date, FORBIDDEN, detail, null, now);
            Subscriptions.disable(c, feed, chatId, Subscriptions.REASON_FORBIDDEN, now.toEpochMilli());
            return null;
        });
    }

    private void finish(String chatId, LocalDate date, String status, String detail, Instant retryAt, Instant now) {
        store.tx("recording a tip delivery", c -> finish(c, chatId, date, status, detail, retryAt, now));
    }

    private int finish(Connection c, String chatId, LocalDate date, String status, String detail, Instant retryAt, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + feed.deliveries + " SET status = ?, detail = ?, retry_at = ?, finished_at = ? WHERE chat_id = ? AND local_date = ?")) {
            ps.setString(1, status);
            ps.setString(2, detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail);
            if (retryAt == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, retryAt.toEpochMilli());
            }
            ps.setLong(4, now.toEpochMilli());
            ps.setString(5, chatId);
            ps.setString(6, date.toString());
            return ps.executeUpdate();
        }
    }

    /** Failed deliveries whose retry time has come, in chats still subscribed. */
    public List<Retry> retryable(Instant now, int limit) {
        List<Delivery> unreadable = new ArrayList<>();
        List<Retry> found = store.read("listing tips to retry", c -> {
            List<Retry> out = new ArrayList<>();
            String cols = "d." + DELIVERY_COLUMNS.replace(", ", ", d.") + ", s." + Subscriptions.columns(feed).replace(", ", ", s.");
            try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM " + feed.deliveries + " d JOIN " + feed.subscriptions + " s ON s.chat_id = d.chat_id "
                    + "WHERE d.status = ? AND d.retry_at IS NOT NULL AND d.retry_at <= ? AND s.enabled = 1 ORDER BY d.retry_at, d.chat_id LIMIT ?")) {
                ps.setString(1, FAILED);
                ps.setLong(2, now.toEpochMilli());
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Subscriptions.Decoded d = Subscriptions.decode(rs, 11, feed);
                        if (d.bad() != null) {
                            Subscriptions.of(store, feed).report(d.bad());
                            unreadable.add(delivery(rs));
                        } else {
                            out.add(new Retry(delivery(rs), d.sub()));
                        }
                    }
                }
            }
            return out;
        });
        // a retry in a chat whose subscription cannot be read is not attempted (nor listed again)
        unreadable.forEach(d -> expire(d.chatId(), d.date(), now));
        return found;
    }

    /** The earliest retry time of any failed delivery in a subscribed chat. */
    public Optional<Instant> earliestRetry() {
        return store.read("finding the next retry", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(d.retry_at) FROM " + feed.deliveries + " d JOIN " + feed.subscriptions + " s ON s.chat_id = d.chat_id "
                    + "WHERE d.status = ? AND d.retry_at IS NOT NULL AND s.enabled = 1")) {
                ps.setString(1, FAILED);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long v = rs.getLong(1);
                        return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
                    }
                    return Optional.<Instant>empty();
                }
            }
        });
    }

    /**
     * Claims a failed delivery for another attempt (only one instance can); the same tip is sent again.
     * Empty if someone else took it or no attempts remain.
     */
    public Optional<Delivery> reclaim(String chatId, LocalDate date, String instance, Instant now, int maxAttempts) {
        return store.tx("claiming a tip retry", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + feed.deliveries + " SET status = ?, attempts = attempts + 1, claimed_at = ?, claimed_by = ?, retry_at = NULL "
                    + "WHERE chat_id = ? AND local_date = ? AND status = ? AND attempts < ?")) {
                ps.setString(1, CLAIMED);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, Ids.check(instance, 64));
                ps.setString(4, chatId);
                ps.setString(5, date.toString());
                ps.setString(6, FAILED);
                ps.setInt(7, maxAttempts);
                if (ps.executeUpdate() == 0) {
                    return Optional.<Delivery>empty();
                }
            }
            return find(c, chatId, date);
        });
    }

    /** A failed delivery whose local day is over: it is not sent late. */
    public void expire(String chatId, LocalDate date, Instant now) {
        store.tx("expiring a tip delivery", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + feed.deliveries + " SET status = ?, retry_at = NULL, finished_at = ? "
                    + "WHERE chat_id = ? AND local_date = ? AND status = ?")) {
                ps.setString(1, EXPIRED);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, chatId);
                ps.setString(4, date.toString());
                ps.setString(5, FAILED);
                return ps.executeUpdate();
            }
        });
    }

    /** The next tip of an on-demand rotation (e.g. a user's /tip), advancing it. */
    public String next(String stream, Picker picker) {
        return store.tx("advancing a tip rotation", c -> advance(c, stream, picker));
    }

    private static String advance(Connection c, String stream, Picker picker) throws SQLException {
        Ids.check(stream, 300);
        int cycle = 0;
        String last = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT cycle_no, last_tip FROM tip_rotation WHERE stream = ?")) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    cycle = rs.getInt(1);
                    last = rs.getString(2);
                }
            }
        }
        Set<String> seen = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tip_id FROM tip_seen WHERE stream = ?")) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getString(1));
                }
            }
        }
        Pick pick = picker.pick(cycle, Set.copyOf(seen), last);
        if (pick.cycle() != cycle) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tip_seen WHERE stream = ?")) {
                ps.setString(1, stream);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tip_seen (stream, tip_id) VALUES (?, ?) ON CONFLICT (stream, tip_id) DO NOTHING")) {
            ps.setString(1, stream);
            ps.setString(2, pick.tipId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tip_rotation (stream, cycle_no, last_tip) VALUES (?, ?, ?) "
                + "ON CONFLICT (stream) DO UPDATE SET cycle_no = excluded.cycle_no, last_tip = excluded.last_tip")) {
            ps.setString(1, stream);
            ps.setInt(2, pick.cycle());
            ps.setString(3, pick.tipId());
            ps.executeUpdate();
        }
        return pick.tipId();
    }

    public Optional<Delivery> delivery(String chatId, LocalDate date) {
        return store.read("reading a tip delivery", c -> find(c, chatId, date));
    }

    private Optional<Delivery> find(Connection c, String chatId, LocalDate date) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM " + feed.deliveries + " WHERE chat_id = ? AND local_date = ?")) {
            ps.setString(1, chatId);
            ps.setString(2, date.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        }
    }

    /** The chat's delivery records, oldest first. */
    public List<Delivery> deliveries(String chatId) {
        return store.read("reading tip deliveries", c -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM " + feed.deliveries + " WHERE chat_id = ? ORDER BY local_date")) {
                ps.setString(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(delivery(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Claims older than {@code before} that never got a result: their sender was interrupted (a crash). */
    public List<Delivery> interrupted(Instant before) {
        return store.read("listing interrupted tip deliveries", c -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM " + feed.deliveries + " WHERE status = ? AND claimed_at < ? ORDER BY claimed_at")) {
                ps.setString(1, CLAIMED);
                ps.setLong(2, before.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(delivery(rs));
                    }
                }
            }
            return out;
        });
    }

    /** How many delivery records have each status. */
    public Map<String, Integer> countByStatus() {
        return store.read("counting tip deliveries", c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM " + feed.deliveries + " GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        long retry = rs.getLong(8);
        Instant retryAt = rs.wasNull() ? null : Instant.ofEpochMilli(retry);
        long fin = rs.getLong(9);
        Instant finished = rs.wasNull() ? null : Instant.ofEpochMilli(fin);
        return new Delivery(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getInt(5),
                Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), retryAt, finished, rs.getString(10));
    }
}
