package coach.match;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

/** A plain pattern word means the forms of that word, not every word Snowball gives the same stem. */
class SameLemmaTest {
    private static boolean matches(String pattern, String text) {
        return TokenPattern.compile(pattern).matches(TextAnalyzer.analyze(text));
    }

    @Test
    void aWordIsNotAnotherWordWithItsStem() {
        assertTrue(matches("простите", "Простите за задержку."));
        assertFalse(matches("простите", "Просто подождите до пятницы."));
        assertFalse(matches("простите", "Простой выставим в счёт."));
        assertFalse(matches("жаль", "Жалуйтесь куда хотите."));
        assertTrue(matches("жаль", "Очень жаль, что так вышло."));
        assertFalse(matches("вместе", "Вместо пятницы привезём в понедельник."));
    }

    @Test
    void itsFormsStillMatchAndAReflexiveVerbIsItsVerb() {
        assertTrue(matches("проблема", "Это не наши проблемы."));
        assertTrue(matches("вернули", "Деньги вернулись на карту."));
        assertTrue(matches("задерживаем", "Рейс задерживается на час."));
    }

    @Test
    void aWordWrittenAsItsStemStillMeansTheStemAndUnknownWordsTooAsBefore() {
        // rule files write «мо|наш компетенц*»: «мо» is its own stem and means «моей», «мою»…
        assertTrue(matches("не в мо компетенц*", "Это не в моей компетенции."));
        // words the dictionary does not know match by stem alone
        assertTrue(matches("дедлайн", "Дедлайны сдвинулись."));
    }
}
