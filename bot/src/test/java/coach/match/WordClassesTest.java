package coach.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.text.TextAnalyzer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordClassesTest {
    static final Map<String, String> CLASSES = Map.of("remedy", "замен*|скидк*|=возврат", "refuse", "=можем|=сможем");

    @Test
    void referencesExpandInsideElementsAlternativesOptionalsAndNegations() {
        assertEquals("не ..1 =можем|=сможем ..3 замен*|скидк*|=возврат",
                WordClasses.expand("не ..1 @refuse ..3 @remedy", CLASSES));
        assertEquals("замен*|скидк*|=возврат|бесплатн*", WordClasses.expand("@remedy|бесплатн*", CLASSES));
        assertEquals("замен*|скидк*|=возврат?", WordClasses.expand("@remedy?", CLASSES));
        TokenPattern p = TokenPattern.compile(WordClasses.expand("не ..1 @refuse ..3 @remedy", CLASSES));
        assertTrue(p.matches(TextAnalyzer.analyze("Мы не можем сделать скидку.")));
        assertEquals("без ссылок", WordClasses.expand("без ссылок", CLASSES));
    }

    @Test
    void unknownReferencesAndMalformedBodiesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> WordClasses.expand("@nothing", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> WordClasses.validate("x", "два слова"));
        assertThrows(IllegalArgumentException.class, () -> WordClasses.validate("x", "a||b"));
        assertThrows(IllegalArgumentException.class, () -> WordClasses.validate("x", "a|b?"));
        assertThrows(IllegalArgumentException.class, () -> WordClasses.validate("x", "a|@b"));
        assertThrows(IllegalArgumentException.class, () -> WordClasses.validate("X", "a"));
        WordClasses.validate("ok_1", "a|b*|=c");
    }
}
