package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's own words, quoted back after a verb of speech, are not the writer's phrasing to fix. */
class QuotedSpeechTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @Test
    void quotedClientWordsAreLeftAlone() {
        assertFalse(engine.check("Вы написали: «Мне сказали, что оффер будет 100%». Хочу уточнить: решение принимает работодатель.").risky());
        assertFalse(engine.check("Клиент спросил: «А можно ASAP?» Мы поставили груз в первый рейс в четверг.").risky());
    }

    @Test
    void theWritersOwnWordsInQuotesOrWithoutASpeechVerbAreStillChecked() {
        // quotation marks alone do not make the words someone else's
        assertTrue(engine.check("Отправили вам «оффер» на почту.").risky());
        // a speech verb, but the risky word is outside the quotation
        assertTrue(engine.check("Вы написали «срочно», а оффер мы пришлём завтра.").risky());
        // the same words unquoted are found
        assertTrue(engine.check("Мне сказали, что оффер будет 100%.").risky());
    }

    @Test
    void anOpenQuotationMarkWithoutItsPairDoesNotHideTheRest() {
        assertTrue(engine.check("Вы написали: «оффер будет завтра.").risky());
    }
}
