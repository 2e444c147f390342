package coach.store;

import coach.text.Lang;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Per-user preferences: the interface language a user chose (overrides what the transport detects). */
public final class UserPrefs {
    private final Store store;

    UserPrefs(Store store) {
        this.store = store;
    }

    public Optional<Lang> language(String userId) {
        return store.read("reading a user's language", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT lang FROM user_prefs WHERE user_id = ?")) {
                ps.setString(1, Ids.check(userId));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        return Optional.of(Lang.fromCode(rs.getString(1)));
                    }
                    return Optional.empty();
                }
            }
        });
    }

    /** Sets the user's language; {@code null} forgets the choice. */
    public void setLanguage(String userId, Lang lang) {
        long now = System.currentTimeMillis();
        store.tx("saving a user's language", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO user_prefs (user_id, lang, updated_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at")) {
                ps.setString(1, Ids.check(userId));
                ps.setString(2, lang == null ? null : lang.code());
                ps.setLong(3, now);
                return ps.executeUpdate();
            }
        });
    }
}
