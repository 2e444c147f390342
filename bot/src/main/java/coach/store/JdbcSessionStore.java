package coach.store;

import coach.core.SessionKey;
import coach.core.SessionState;
import coach.core.SessionStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions (drills, quiz, template fill-in) in the database, so a restart resumes them. A save whose
 * version is not newer than the stored one is refused ({@link StoreException.Kind#CONFLICT}): two
 * handlers that both started from version n cannot silently overwrite each other. Version 1 (a session
 * just started) always replaces whatever was there.
 */
final class JdbcSessionStore implements SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSessionStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    JdbcSessionStore(Store store) {
        this.store = store;
    }

    @Override
    public Optional<SessionState> get(SessionKey key) {
        Optional<String[]> row = store.read("reading a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, data, version FROM sessions WHERE chat_id = ? AND user_id = ?")) {
                ps.setString(1, Ids.check(key.chatId()));
                ps.setString(2, Ids.check(key.userId()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                }
            }
        });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String[] r = row.get();
        try {
            JsonNode data = JSON.readTree(r[1]);
            if (data instanceof ObjectNode o) {
                return Optional.of(new SessionState(r[0], o, Long.parseLong(r[2])));
            }
        } catch (JsonProcessingException e) {
            // fall through: the row cannot be used
        }
        // Written by this class as JSON, so this means outside damage: keep the row for inspection, report it.
        LOG.error("session of chat {} user {} ({}) is not a JSON object; ignoring it", key.chatId(), key.userId(), r[0]);
        return Optional.empty();
    }

    @Override
    public void put(SessionKey key, SessionState state) {
        String data;
        try {
            data = JSON.writeValueAsString(state.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("session data cannot be written as JSON", e);
        }
        long now = System.currentTimeMillis();
        int changed = store.tx("saving a session", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions (chat_id, user_id, kind, data, version, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (chat_id, user_id) DO UPDATE SET kind = excluded.kind, data = excluded.data, "
                            + "version = excluded.version, updated_at = excluded.updated_at "
                            + "WHERE sessions.version < excluded.version OR excluded.version = 1")) {
                ps.setString(1, Ids.check(key.chatId()));
                ps.setString(2, Ids.check(key.userId()));
                ps.setString(3, state.kind());
                ps.setString(4, data);
                ps.setLong(5, state.version());
                ps.setLong(6, now);
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new StoreException(StoreException.Kind.CONFLICT, "session " + state.kind() + " of chat " + key.chatId()
                    + " was changed meanwhile (version " + state.version() + " is not newer than the stored one); not saved");
        }
    }

    @Override
    public void remove(SessionKey key) {
        store.tx("ending a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE chat_id = ? AND user_id = ?")) {
                ps.setString(1, Ids.check(key.chatId()));
                ps.setString(2, Ids.check(key.userId()));
                return ps.executeUpdate();
            }
        });
    }
}
