package coach.core;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of a multi-step conversation (drill, quiz, template fill-in) as plain JSON, so a store
 * can keep it across restarts.
 *
 * @param kind    which {@link SessionHandler} owns it
 * @param data    the handler's own state
 * @param version incremented on every save; a store may use it to refuse lost updates
 */
public record SessionState(String kind, ObjectNode data, long version) {
    public SessionState next(ObjectNode newData) {
        return new SessionState(kind, newData, version + 1);
    }
}
