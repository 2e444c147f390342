package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sentence whose every word goes with the removed pieces (an interjection in front, «к херам» at the end) once made
 * the rewriter lower-case an empty string and the whole check fail; a {@code check --jsonl} batch stopped at that line.
 * The check answers, the findings stay, and whatever is offered still has the sentence's content.
 */
class RemovedPieceTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @ParameterizedTest
    @ValueSource(strings = {"пиздёж! мощности насоса хватит чтобы всё откачать к херам..",
            "пиздец! места хватит чтобы поставить к херам..", "Пиздёж! денег хватит, чтобы оплатить к херам."})
    void aSentenceLeftWithoutItsPiecesStillGetsAnAnswer(String text) {
        CheckResult r = engine.check(text);
        assertTrue(r.risky(), text);
        assertFalse(r.findings().isEmpty(), text);
        for (String s : r.suggestions()) {
            assertTrue(s.contains("хватит"), s);
            assertFalse(s.toLowerCase(java.util.Locale.ROOT).contains("хер"), s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Честно? Ваша машина — г@вно, за неё никто 900 тыс. не даст. Снижайте цену.",
            "Ваш диван — полное г*вно, поэтому и развалился. Гарантия на него истекла в мае."})
    void aSubjectIsNotLeftWithoutWhatTheDashSaidOfIt(String text) {
        CheckResult r = engine.check(text);
        assertTrue(r.risky(), text);
        for (String s : r.suggestions()) {
            assertFalse(s.matches("(?s).*(машина|диван)\\s*,.*"), s);
        }
    }

    @org.junit.jupiter.api.Test
    void lostPredicateSeesTheCutAfterTheDashOnly() {
        assertTrue(SentenceRewriter.lostPredicate("Ваша машина — г@вно, за неё никто не даст.", "Ваша машина, за неё никто не даст."));
        assertFalse(SentenceRewriter.lostPredicate("Ваша машина — хорошая, за неё дадут 900 тыс.", "Ваша машина — хорошая, за неё дадут 900 тыс."));
        assertFalse(SentenceRewriter.lostPredicate("Срок — пятница, документы, пожалуйста, пришлите.", "Срок — пятница, документы пришлите."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Щас уточню у склада, ок?", "Сейчас гляну, что с заказом № 77, норм?"})
    void aQuestionTagLeftOutLeavesAStatement(String text) {
        CheckResult r = engine.check(text);
        assertFalse(r.suggestions().isEmpty(), text);
        for (String s : r.suggestions()) {
            assertTrue(s.endsWith("."), s);
            assertFalse(s.contains("хорошо") || s.contains("?"), s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Your order 5512 ships on Monday. Frankly, you could have just read the manual we sent instead of calling every day.",
            "Seriously, if you'd read the contract you would know about the fee. The invoice is attached."})
    void theWritersStanceIsNotLeftVouchingForOurSentence(String text) {
        CheckResult r = engine.check(text);
        assertTrue(r.risky(), text);
        for (String s : r.suggestions()) {
            assertFalse(s.matches("(?s).*\\b(Frankly|Seriously), (let's|let me|I'll|we'll|please)\\b.*"), s);
        }
        // and a stance the replacement says itself stays: «Честно скажу, выполнить такой запрос будет непросто.»
        CheckResult own = engine.check("Коллеги, привет. Получили ваши требования к кандидату: 25 лет, 10 лет опыта, три языка и зарплата "
                + "40 тысяч. Отличный портрет, сейчас достанем его из шляпы. Если серьёзно — давайте созвонимся в четверг.");
        assertTrue(own.suggestions().stream().anyMatch(x -> x.contains("Честно скажу,")), own.suggestions().toString());
    }
}
