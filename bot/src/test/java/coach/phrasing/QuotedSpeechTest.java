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
    void theFrameThatReportsAQuotationIsNoToneOfItsOwn() {
        // without the client's words only «Вы писали, что ребёнок» is left: the tone model has nothing of the writer's to read
        assertFalse(engine.check("Здравствуйте! Вы писали, что ребёнок «вообще ничего не понимает на уроках математики». Давайте"
                + " обсудим это с преподавателем в среду в 16:00.").risky());
        assertFalse(engine.check("Dear Ms. Clarke, you mentioned that \"nobody ever explains anything\". Your claim CL-5521 is with"
                + " the assessor, who will visit on Friday.").risky());
        // a reproach of the writer's own beside the quotation is still heard
        assertTrue(engine.check("Вы писали «где мой заказ», а читать наши письма, видимо, не пробовали?").risky());
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
