package coach.store;

import coach.core.ChatType;
import coach.text.Lang;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily-tip subscriptions, one per chat. A row that cannot be read (a time zone this JVM's zone data
 * does not know, a row written by a newer version or by hand) never stops the others: listing skips
 * it, moves its next slot a day on and logs it once with the chat id; {@link #get} reports it as a
 * {@link BadRowException} so the chat's /subscribe can show the problem and store a new setting.
 */
public final class Subscriptions {
    public static final String REASON_UNSUBSCRIBED = "unsubscribed";
    /** The transport saw the bot removed from the chat (or blocked by the user). */
    public static final String REASON_REMOVED = "removed";
    /** A send was refused with 403. */
    public static final String REASON_FORBIDDEN = "forbidden";

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    static final String COLUMNS = "chat_id, chat_type, lang, send_time, time_zone, enabled, disabled_reason, next_due_at, subscribed_by";

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    /** A stored subscription that cannot be decoded. */
    public record BadRow(String chatId, String field, String value, String problem) {
    }

    /** The chat's stored subscription cannot be read; storing a new setting replaces it. */
    public static final class BadRowException extends StoreException {
        private final BadRow row;

        BadRowException(BadRow row) {
            super(Kind.BAD_ROW, "the stored subscription of chat " + row.chatId() + " cannot be read: " + row.problem());
            this.row = row;
        }

        public BadRow row() {
            return row;
        }
    }

    private final Store store;
    private final Feed feed;
    private final String table;
    /** Chats whose unreadable row was logged already (once per process). */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    Subscriptions(Store store) {
        this(store, Feed.DAILY);
    }

    Subscriptions(Store store, Feed feed) {
        this.store = store;
        this.feed = feed;
        this.table = feed.subscriptions;
    }

    /** The subscriptions of another feed (the weekly digest) in the same store. */
    public static Subscriptions of(Store store, Feed feed) {
        return feed == Feed.DAILY ? store.subscriptions() : new Subscriptions(store, feed);
    }

    public Feed feed() {
        return feed;
    }

    /** The columns a row is read from: the common ones, plus the weekday of a weekly feed. */
    static String columns(Feed feed) {
        return feed.weekly ? COLUMNS + ", weekday" : COLUMNS;
    }

    public Optional<Subscription> get(String chatId) {
        return store.read("reading a subscription", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(feed) + " FROM " + table + " WHERE chat_id = ?")) {
                ps.setString(1, Ids.check(chatId));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Subscription>empty();
                    }
                    Decoded d = decode(rs, 1, feed);
                    if (d.bad() != null) {
                        throw new BadRowException(d.bad());
                    }
                    return Optional.of(d.sub());
                }
            }
        });
    }

    /** Subscribes the chat, or changes its setting and enables it again; returns what is stored now. */
    public Subscription subscribe(String chatId, ChatType type, Lang lang, LocalTime time, ZoneId zone, String by, Instant nextDueAt) {
        return subscribe(chatId, type, lang, null, time, zone, by, nextDueAt);
    }

    /** The same for a weekly feed: {@code weekday} is the day of the week (required there, ignored for daily tips). */
    public Subscription subscribe(String chatId, ChatType type, Lang lang, java.time.DayOfWeek weekday, LocalTime time, ZoneId zone, String by,
                                  Instant nextDueAt) {
        if (feed.weekly && weekday == null) {
            throw new IllegalArgumentException("a weekly subscription needs a day of the week");
        }
        long now = System.currentTimeMillis();
        store.tx("saving a subscription", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + table + " (chat_id, chat_type, lang, send_time, time_zone, enabled, disabled_reason, next_due_at, "
                            + "subscribed_by, created_at, updated_at" + (feed.weekly ? ", weekday" : "") + ") VALUES (?, ?, ?, ?, ?, 1, NULL, ?, ?, ?, ?"
                            + (feed.weekly ? ", " + weekday.getValue() : "") + ") "
                            + "ON CONFLICT (chat_id) DO UPDATE SET chat_type = excluded.chat_type, lang = excluded.lang, "
                            + "send_time = excluded.send_time, time_zone = excluded.time_zone, enabled = 1, disabled_reason = NULL, "
                            + "next_due_at = excluded.next_due_at, subscribed_by = excluded.subscribed_by, updated_at = excluded.updated_at"
                            + (feed.weekly ? ", weekday = excluded.weekday" : ""))) {
                ps.setString(1, Ids.check(chatId));
                ps.setString(2, type.name());
                ps.setString(3, lang.code());
                ps.setString(4, time.format(HHMM));
                ps.setString(5, zone.getId());
                ps.setLong(6, nextDueAt.toEpochMilli());
                // who changed it is informational: a missing or odd sender id (a channel post) is not an error
                ps.setString(7, by == null || by.isBlank() || by.length() > Ids.MAX ? null : by);
                ps.setLong(8, now);
                ps.setLong(9, now);
                return ps.executeUpdate();
            }
        });
        return get(chatId).orElseThrow();
    }

    /** Switches the chat's tips off; true if it was on. */
    public boolean disable(String chatId, String reason) {
        long now = System.currentTimeMillis();
        return store.tx("disabling a subscription", c -> disable(c, feed, chatId, reason, now));
    }

    static boolean disable(java.sql.Connection c, String chatId, String reason, long now) throws SQLException {
        return disable(c, Feed.DAILY, chatId, reason, now);
    }

    static boolean disable(java.sql.Connection c, Feed feed, String chatId, String reason, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + feed.subscriptions + " SET enabled = 0, disabled_reason = ?, updated_at = ? WHERE chat_id = ? AND enabled = 1")) {
            ps.setString(1, reason);
            ps.setLong(2, now);
            ps.setString(3, Ids.check(chatId));
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Enabled subscriptions whose next slot is at or before {@code now}, earliest first. Rows that cannot
     * be read are left out, reported once and moved a day on, so they never crowd out the others.
     */
    public List<Subscription> due(Instant now, int limit) {
        while (true) {
            List<BadRow> bad = new ArrayList<>();
            List<Subscription> good = dueOnce(now, limit, bad);
            if (bad.isEmpty() || !good.isEmpty()) {
                return good;
            }
            // a whole batch of unreadable rows: they are out of the way now, look again
        }
    }

    private List<Subscription> dueOnce(Instant now, int limit, List<BadRow> bad) {
        List<Subscription> good = store.read("listing due subscriptions", c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(feed)
                    + " FROM " + table + " WHERE enabled = 1 AND next_due_at <= ? ORDER BY next_due_at, chat_id LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Decoded d = decode(rs, 1, feed);
                        if (d.bad() != null) {
                            bad.add(d.bad());
                        } else {
                            out.add(d.sub());
                        }
                    }
                }
            }
            return out;
        });
        if (!bad.isEmpty()) {
            Instant later = now.plus(java.time.Duration.ofDays(1));
            for (BadRow b : bad) {
                report(b);
                reschedule(b.chatId(), later);
            }
        }
        return good;
    }

    /** Every stored subscription that cannot be read (the start-up check); each is logged once. */
    public List<BadRow> unreadable() {
        List<BadRow> out = store.read("checking subscriptions", c -> {
            List<BadRow> bad = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(feed) + " FROM " + table + " ORDER BY chat_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Decoded d = decode(rs, 1, feed);
                    if (d.bad() != null) {
                        bad.add(d.bad());
                    }
                }
            }
            return bad;
        });
        out.forEach(this::report);
        return out;
    }

    void report(BadRow b) {
        if (reported.add(b.chatId())) {
            LOG.warn("the daily-tip subscription of chat {} cannot be read and is skipped ({}); "
                    + "an admin of that chat can store a new setting with /subscribe HH:MM Zone", b.chatId(), b.problem());
        }
    }

    /** The earliest next slot of any enabled subscription. */
    public Optional<Instant> earliestDue() {
        return store.read("finding the next due subscription", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_due_at) FROM " + table + " WHERE enabled = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
                }
                return Optional.<Instant>empty();
            }
        });
    }

    /**
     * Moves the chat's next slot, unless another instance already moved it further: only ever forward,
     * so two schedulers re-aiming the same chat agree.
     */
    public void reschedule(String chatId, Instant nextDueAt) {
        store.tx("rescheduling a subscription", c -> reschedule(c, feed, chatId, nextDueAt));
    }

    static int reschedule(java.sql.Connection c, String chatId, Instant nextDueAt) throws SQLException {
        return reschedule(c, Feed.DAILY, chatId, nextDueAt);
    }

    static int reschedule(java.sql.Connection c, Feed feed, String chatId, Instant nextDueAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + feed.subscriptions + " SET next_due_at = ? WHERE chat_id = ? AND next_due_at < ?")) {
            ps.setLong(1, nextDueAt.toEpochMilli());
            ps.setString(2, chatId);
            ps.setLong(3, nextDueAt.toEpochMilli());
            return ps.executeUpdate();
        }
    }

    public int countEnabled() {
        return store.read("counting subscriptions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE enabled = 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** A row decoded, or what is wrong with it. */
    record Decoded(Subscription sub, BadRow bad) {
    }

    static Decoded decode(ResultSet rs, int from) throws SQLException {
        return decode(rs, from, Feed.DAILY);
    }

    static Decoded decode(ResultSet rs, int from, Feed feed) throws SQLException {
        try {
            return new Decoded(row(rs, from, feed), null);
        } catch (java.time.DateTimeException | IllegalArgumentException | NullPointerException e) {
            String chat = rs.getString(from);
            return new Decoded(null, problem(chat, rs, from, e));
        }
    }

    private static BadRow problem(String chat, ResultSet rs, int from, RuntimeException e) throws SQLException {
        String type = rs.getString(from + 1);
        String time = rs.getString(from + 3);
        String zone = rs.getString(from + 4);
        try {
            ZoneId.of(zone);
        } catch (RuntimeException z) {
            return new BadRow(chat, "zone", zone, "unknown time zone '" + zone + "'");
        }
        try {
            LocalTime.parse(time, HHMM);
        } catch (RuntimeException t) {
            return new BadRow(chat, "time", time, "unreadable send time '" + time + "'");
        }
        try {
            ChatType.valueOf(type);
        } catch (RuntimeException t) {
            return new BadRow(chat, "type", type, "unknown chat type '" + type + "'");
        }
        return new BadRow(chat, "other", "", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    static Subscription row(ResultSet rs, int from, Feed feed) throws SQLException {
        Subscription s = row(rs, from);
        if (!feed.weekly) {
            return s;
        }
        int day = rs.getInt(from + 9);
        return s.withWeekday(java.time.DayOfWeek.of(day >= 1 && day <= 7 ? day : 1));
    }

    static Subscription row(ResultSet rs, int from) throws SQLException {
        int i = from;
        String chatId = rs.getString(i++);
        ChatType type = ChatType.valueOf(rs.getString(i++));
        Lang lang = Lang.fromCode(rs.getString(i++));
        LocalTime time = LocalTime.parse(rs.getString(i++), HHMM);
        ZoneId zone = ZoneId.of(rs.getString(i++));
        boolean enabled = rs.getInt(i++) == 1;
        String reason = rs.getString(i++);
        Instant next = Instant.ofEpochMilli(rs.getLong(i++));
        String by = rs.getString(i);
        return new Subscription(chatId, type, lang, time, zone, enabled, reason, next, by);
    }
}
