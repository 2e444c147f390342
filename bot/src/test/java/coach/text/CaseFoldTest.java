package coach.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CaseFoldTest {
    @Test
    void everyCharacterFoldsAsCaseInsensitiveUnicodeMatchingCompares() {
        for (int c = 0; c < 0x10000; c++) {
            char x = (char) c;
            assertEquals(Character.toLowerCase(Character.toUpperCase(x)), CaseFold.fold(x), () -> Integer.toHexString(x));
        }
    }

    @Test
    void aTextIsFoldedAndAnAlreadyFoldedOneIsNotCopied() {
        assertEquals("к сожалению, ёлка unfortunately", CaseFold.fold("К СОЖАЛЕНИЮ, Ёлка Unfortunately"));
        String folded = "уже в нижнем регистре";
        assertSame(folded, CaseFold.fold(folded));
    }

    @Test
    void thePrefilterAgreesWithTheExpressionItGuards() {
        Pattern regret = Pattern.compile("(?iu)к сожалению|unfortunately");
        for (String s : new String[] {"К СОЖАЛЕНИЮ, нет", "Unfortunately not", "Жаль, но нет", ""}) {
            assertEquals(regret.matcher(s).find(), CaseFold.containsAny(s, "к сожалению", "unfortunately"), s);
        }
        assertTrue(CaseFold.containsAny("ДОБРЫЙ ДЕНЬ", "добрый"));
        assertFalse(CaseFold.containsAny("Добрый день", "вечер"));
    }
}
