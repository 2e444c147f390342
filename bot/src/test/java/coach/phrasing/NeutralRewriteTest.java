package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sentence with a coarse, obscene or insulting word, rewritten by the whole engine on the real knowledge base: the
 * word replaced by its neutral counterpart with agreement kept, or left out with its commas; everything else verbatim.
 */
class NeutralRewriteTest {
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        engine = PhrasingEngine.load(TestKb.kb());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a neutral noun in the same case and number; the words that agreed with the old one agree with it
            "Кто принимал этих долбоёбов на склад?|Кто принимал этих людей на склад?",
            "Эти уроды опять перепутали накладные.|Эти люди опять перепутали накладные.",
            "Эта мразь опять не привезла документы.|Этот человек опять не привёз документы.",
            // verbs and adverbs
            "Менеджер пиздит, что заказ отправлен.|Менеджер врёт, что заказ отправлен.",
            "Бухгалтер проебал платёжку за март.|Бухгалтер потерял платёжку за март.",
            "Не пиздите, заказ никто не отправлял.|Не врите, заказ никто не отправлял.",
            "Мне похуй, когда придёт ваш мастер.|Мне всё равно, когда придёт ваш мастер.",
            // two words: with a preposition before or a verb after
            "Хуй знает, когда приедет курьер.|Кто знает, когда приедет курьер.",
            "Какого хуя вы закрыли склад?|Почему вы закрыли склад?",
            // interjections, intensifiers, addresses and asides go, with their commas
            "Курьер сука опять опоздал на два часа.|Курьер опять опоздал на два часа.",
            "Мы вам блять звонили в понедельник.|Мы вам звонили в понедельник.",
            "Ебаный терминал опять завис.|Терминал опять завис.",
            "Оплатите счёт до пятницы, мудак.|Оплатите счёт до пятницы.",
            "Козлы ебаные, где мой заказ?|Где мой заказ?",
            "Монтажники уебки и ублюдки сломали дверь.|Монтажники сломали дверь.",
            // English
            "What a load of bullshit, the invoice is correct.|What a load of nonsense, the invoice is correct.",
            "Those assholes at the depot lost my parcel.|Those people at the depot lost my parcel.",
    })
    void theBadWordIsReplacedOrLeftOutAndTheRestStays(String draft, String rewrite) {
        CheckResult r = engine.check(draft);
        assertTrue(r.findings().stream().anyMatch(f -> f.category().equals("insult")), draft + " -> " + r.findings());
        assertEquals(rewrite, r.suggestions().isEmpty() ? null : r.suggestions().get(0), draft);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Он урод.",                                  // a predicate no neutral word fits
            "Иди нахуй со своим договором.",              // without the word it still sends the reader away
            "Иди на хуй со своим отчётом.",
            "Вы нас заебали своими звонками.",            // «надоели» takes no «нас»
            "Эта самая тупая сука это придумала?",        // a third word would still agree with «сука»
            "Why did you assholes close the depot?",     // «you people» is no kinder
    })
    void nothingIsOfferedWhenNoRewriteCanBeGood(String draft) {
        CheckResult r = engine.check(draft);
        assertTrue(r.risky(), draft);
        assertTrue(r.suggestions().isEmpty(), draft + " -> " + r.suggestions());
    }
}
