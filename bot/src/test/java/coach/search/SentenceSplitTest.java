package coach.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitTest {
    @Test
    void neverSplitsInsideAQuote() {
        assertEquals(List.of("Скажите: «Спасибо. Мы уточним и ответим.»", "Потом позвоните."),
                SentenceIndex.split("Скажите: «Спасибо. Мы уточним и ответим.» Потом позвоните."));
        assertEquals(List.of("Say \"Thanks. We will check.\" first.", "Then call."),
                SentenceIndex.split("Say \"Thanks. We will check.\" first. Then call."));
        assertEquals(List.of("One.", "Two!", "Three"), SentenceIndex.split("One. Two! Three"));
    }
}
