package coach.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Updates a transport received and has not finished handling. They are written before the transport
 * confirms them to its source (Telegram's next getUpdates) and removed once handled, so updates cut
 * short by a stop or a crash are handled after the restart instead of being lost.
 */
public final class Inbox {
    /** One kept update: its id at the source, its payload (the transport's JSON), when it came. */
    public record Item(long id, String payload, Instant receivedAt) {
    }

    private final Store store;

    Inbox(Store store) {
        this.store = store;
    }

    /** Keeps the updates (ids already kept are left as they are) in one transaction. */
    public void add(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        store.tx("keeping received updates", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?) ON CONFLICT (update_id) DO NOTHING")) {
                for (Item i : items) {
                    ps.setLong(1, i.id());
                    ps.setString(2, i.payload());
                    ps.setLong(3, i.receivedAt().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Handled updates leave the inbox, in one transaction. */
    public void remove(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        store.tx("removing handled updates", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM inbox WHERE update_id = ?")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** What is left, oldest first. */
    public List<Item> all() {
        return store.read("reading kept updates", c -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT update_id, payload, received_at FROM inbox ORDER BY update_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return out;
        });
    }
}
