package coach.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.match.TokenPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An emoji is one token, with its skin tone, variation selector and joined parts: patterns can name it. */
class EmojiTokensTest {
    private static List<String> texts(String s) {
        return TextAnalyzer.analyze(s).stream().map(Token::text).toList();
    }

    @Test
    void anEmojiIsOneTokenWithItsModifiers() {
        assertEquals(List.of("Ждём", "😊", "ответа", "👍🏻", "!"), texts("Ждём 😊 ответа 👍🏻!"));
        assertEquals(List.of("ok", "❤️", "👨‍👩‍👧", "done", ":", ")"), texts("ok❤️ 👨‍👩‍👧 done:)"));
        assertEquals(List.of("привет", "🙂", "🙂", "мир"), texts("привет🙂🙂мир"));
        // other symbols and marks are cut as before
        assertEquals(List.of("№", "5", ",", "100", "%"), texts("№ 5, 100%"));
    }

    @Test
    void theOffsetsStillPointIntoTheText() {
        String s = "Ок 👍🏻 жду";
        Token t = TextAnalyzer.analyze(s).get(1);
        assertEquals("👍🏻", s.substring(t.start(), t.end()));
        assertEquals(Token.Kind.PUNCT, t.kind());
    }

    @Test
    void aPatternMatchesAnEmoji() {
        assertTrue(TokenPattern.compile("ждём 🙂").matches(TextAnalyzer.analyze("Ждём 🙂 ответа")));
        assertFalse(TokenPattern.compile("ждём 🙂").matches(TextAnalyzer.analyze("Ждём 😊 ответа")));
        assertTrue(TokenPattern.compile("ок 👍🏻").matches(TextAnalyzer.analyze("ок👍🏻")));
    }
}
