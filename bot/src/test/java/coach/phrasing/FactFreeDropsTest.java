package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import org.junit.jupiter.api.Test;

/** Which fact-free sentences a suggestion leaves out, and which stock help it does not add, on the real knowledge base and tone model. */
class FactFreeDropsTest {
    private static final PhrasingEngine ENGINE = PhrasingEngine.load(TestKb.kb());

    @Test
    void aShoutedLineIsCalmedAndAFactFreeReproachTheModelIsSureOfIsLeftOut() {
        // «В» and «КОД» in the shouted line are neither a name nor an abbreviation; the reproach names nothing new
        CheckResult r = ENGINE.check("КОД ПРИХОДИТ В СМС!!! Посмотрите внимательно, а не пишите нам уже пятый раз.");
        assertTrue(r.risky());
        assertEquals("Код приходит в СМС.", r.suggestions().isEmpty() ? null : r.suggestions().get(0), r.toString());
    }

    @Test
    void theDraftsOwnOpeningConjunctionStaysAndALowerCaseStartAfterANewSentenceIsCapitalised() {
        // «Но» opened the writer's second sentence: only «пжлст» is written out
        CheckResult r = ENGINE.check("Документы пришлите сегодня. Но без них никак, пжлст");
        assertEquals("Документы пришлите сегодня. Но без них никак, пожалуйста.", r.suggestions().isEmpty() ? null : r.suggestions().get(0), r.toString());
        // the chat-style «now» cannot follow the written sentence that replaced the reproach
        r = ENGINE.check("well if you had read the setup guide you wouldnt have reset the router to factory settings. now the line needs"
                + " reactivation, takes 2 business days");
        assertTrue(r.suggestions().isEmpty() || r.suggestions().get(0).contains(". Now the line"), r.toString());
        assertFalse(r.suggestions().isEmpty(), r.toString());
    }

    @Test
    void aSentenceThatNamesSomethingNewIsNotLeftOut() {
        // «общежития» is said nowhere else: the sentence carries the point and stays for a rewrite by hand
        CheckResult r = ENGINE.check("Ваши документы приняты 22 июля. Вопросами общежития приёмная комиссия не занимается, ищите сами, кто за это отвечает.");
        assertTrue(r.risky());
        for (String s : r.suggestions()) {
            assertTrue(s.contains("общежити"), s);
        }
    }

    @Test
    void noStockPromiseOfOurHelpBesideADirectionElsewhere() {
        CheckResult r = ENGINE.check("Добрый день! Если ячейка в постамате на Ленина 12 не открылась — это не наша проблема, пишите в магазин, где заказывали.");
        assertTrue(r.risky());
        for (String s : r.suggestions()) {
            assertTrue(!(s.contains("обратиться") && (s.contains("готовы помочь") || s.contains("разберёмся в ситуации вместе")
                    || s.contains("поможем во всём разобраться"))), s);
        }
    }

    @Test
    void anInsultingTagQuestionIsLeftOutAndARealQuestionStays() {
        // «что ли» after an insult asks nothing; the reproach before the fact becomes «Напомню, что …»
        CheckResult r = ENGINE.check("Я вам третий раз объясняю, что без согласия супруга сделку не удостоверят. Вы совсем тупой, что ли?");
        assertEquals("Напомню, что без согласия супруга сделку не удостоверят.", r.suggestions().isEmpty() ? null : r.suggestions().get(0), r.toString());
        CheckResult q = ENGINE.check("Договор № 12 подписан. Можно ли прислать скан сегодня, идиоты?");
        for (String s : q.suggestions()) {
            assertTrue(s.contains("скан"), s);
        }
    }

    @Test
    void aRewrittenQuestionAsksOnce() {
        CheckResult r = ENGINE.check("Кто из ваших дебилов-водителей снёс ворота у рампы №3?? Счёт за ремонт на 47 000 пришлём сегодня.");
        assertTrue(r.risky());
        assertTrue(!r.suggestions().isEmpty(), r.toString());
        for (String s : r.suggestions()) {
            assertTrue(s.contains("№3?") && !s.contains("??") && !s.contains("дебил"), s);
        }
    }

    @Test
    void aReproachThatSaysWhatHappenedIsNotLeftOut() {
        // «упало» tells the client what happened: left out, the fact goes with the tone
        CheckResult r = ENGINE.check("Сервер перезапущен в 14:00. Опять всё упало.");
        assertTrue(r.risky(), r.toString());
        for (String s : r.suggestions()) {
            assertTrue(s.contains("упал"), s);
        }
    }

    @Test
    void aStockPhraseDoesNotTakeThePlaceOfWhatTheSentenceIsAbout() {
        // «возврат наличными», «ноутбук»: the thing refused or promised is not lost behind a stock sentence
        for (String draft : new String[] {"Возврат наличными не предусмотрен правилами магазина, деньги вернём на карту.",
                "Ноутбук починим, сколько займёт — столько займёт."}) {
            CheckResult r = ENGINE.check(draft);
            assertTrue(r.risky(), draft);
            String subject = draft.substring(0, draft.indexOf(' '));
            for (String s : r.suggestions()) {
                assertTrue(s.toLowerCase(java.util.Locale.ROOT).contains(subject.toLowerCase(java.util.Locale.ROOT)), s);
            }
        }
        // a clause cut whole with its risk is no loss: nothing stands in its place
        CheckResult cut = ENGINE.check("Добрый день! Мы заменим экран за час, телефон будет как новый.");
        assertEquals("Добрый день! Мы заменим экран за час.", cut.suggestions().isEmpty() ? null : cut.suggestions().get(0), cut.toString());
    }

    @Test
    void aSoftenerAfterAnAbbreviationStaysLowerCaseAndNoContractedModalIsWritten() {
        // «руб.» ends with a dot but not the sentence: «…9 900 руб., к сожалению, не даём»
        CheckResult r = ENGINE.check("Денис, скидку на абонемент 9 900 руб. не даём.");
        assertTrue(!r.suggestions().isEmpty(), r.toString());
        for (String s : r.suggestions()) {
            assertTrue(!s.contains(", К сожалению"), s);
        }
        // «driver's gonna» is not made «driver's will»
        for (String s : ENGINE.check("Hi Anna, the driver's gonna be there at 5, please be outside.").suggestions()) {
            assertTrue(!s.contains("driver's will"), s);
        }
    }

    @Test
    void theSecondHalfOfAContrastDoesNotOutliveItsFirst() {
        // cutting «г@вно» from «г@вно, а не заявка» would leave «несуществующий, а не заявка»
        String draft = "Здравствуйте. Заказ 3318 доставить не смогли, адрес указан несуществующий — г@вно, а не заявка. Давайте правильный адрес, отправим повторно за 300 руб.";
        CheckResult r = ENGINE.check(draft);
        assertTrue(r.risky());
        for (String s : r.suggestions()) {
            assertTrue(!s.contains("несуществующий, а не"), s);
        }
        assertTrue(SentenceRewriter.danglingContrast("Это брак, а не износ.", "Это, а не износ."));
        assertTrue(!SentenceRewriter.danglingContrast("Это брак, а не износ.", "Это брак, а не износ, к сожалению."));
    }
}
