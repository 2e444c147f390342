package coach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatEventsTest {
    @Test
    void everyListenerHearsTheEventEvenWhenOneFails() {
        List<String> heard = new ArrayList<>();
        ChatEvents failing = new ChatEvents() {
            @Override
            public void botRemoved(String chatId) {
                throw new IllegalStateException("store down");
            }
        };
        ChatEvents recording = new ChatEvents() {
            @Override
            public void botRemoved(String chatId) {
                heard.add("removed " + chatId);
            }

            @Override
            public void memberSeen(String chatId, String userId, String displayName) {
                heard.add("seen " + userId + " in " + chatId + " as " + displayName);
            }
        };
        ChatEvents both = ChatEvents.all(failing, recording);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> both.botRemoved("-1"));
        assertEquals("store down", e.getMessage());
        both.memberSeen("-1", "7", "Анна");
        assertEquals(List.of("removed -1", "seen 7 in -1 as Анна"), heard);
    }
}
