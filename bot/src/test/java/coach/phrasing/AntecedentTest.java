package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A version never drops the person the next sentence points back at with «он», «за ним», «ему»… */
class AntecedentTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @Test
    void theLabelledPersonStaysWhenTheNextSentenceRefersToHim() {
        CheckResult r = engine.check("Ваш флорист — полный дилетант, цветы стоят как попало. Переделывать за ним не будем.");
        assertTrue(r.risky());
        for (String s : r.suggestions()) {
            assertFalse(s.startsWith("Цветы"), s);
        }
        CheckResult q = engine.check("Ваш монтажник — полный дилетант, розетки стоят криво. Звонить ему бесполезно.");
        for (String s : q.suggestions()) {
            assertFalse(s.startsWith("Розетки"), s);
        }
    }

    @Test
    void withoutAPointerBackTheLabelCanGo() {
        CheckResult r = engine.check("Ваш прораб — полный дилетант, смета с ошибками. Пришлём исправленную в понедельник.");
        assertEquals("Смета с ошибками. Пришлём исправленную в понедельник.", r.suggestions().get(0));
    }
}
