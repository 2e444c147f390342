package coach.core;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where conversations in progress live. The in-memory store is the default; the database store survives restarts. */
public interface SessionStore {
    Optional<SessionState> get(SessionKey key);

    void put(SessionKey key, SessionState state);

    void remove(SessionKey key);

    static SessionStore inMemory() {
        ConcurrentHashMap<SessionKey, SessionState> map = new ConcurrentHashMap<>();
        return new SessionStore() {
            @Override
            public Optional<SessionState> get(SessionKey key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(SessionKey key, SessionState state) {
                map.put(key, state);
            }

            @Override
            public void remove(SessionKey key) {
                map.remove(key);
            }
        };
    }
}
