package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentException;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Terms a suggestion must not keep unexplained, on the real morphology and the real list of known terms
 * ({@code knowledge-base/morphology/ru-known-terms.txt}), and the engine withholding a suggestion that keeps them.
 */
class UnexplainedTermsTest {
    private static UnexplainedTerms terms;
    private static PhrasingEngine engine;

    @BeforeAll
    static void load() {
        terms = UnexplainedTerms.load(TestKb.source());
        engine = PhrasingEngine.load(TestKb.kb());
    }

    private static List<String> find(String text, boolean unknownWords) {
        List<Token> ts = TextAnalyzer.analyze(text);
        return terms.find(ts, ts, unknownWords).stream().map(UnexplainedTerms.Term::text).toList();
    }

    @Test
    void namesTermsTheClientMayNotKnow() {
        assertEquals(List.of("редлайн", "индемнити", "MAC-клаузу", "Governing law"),
                find("Направляем редлайн договора, индемнити ограничили, добавили MAC-клаузу. Governing law — РФ.", true));
        assertEquals(List.of("БД"), find("Причина — переполнение пула подключений к БД.", true));
        assertEquals(List.of("ОМС"), find("Без кода по ОМС приём не оплатят.", false));
    }

    @Test
    void leavesNamesCodesAddressesAndKnownAbbreviationsAlone() {
        assertEquals(List.of(), find("Запчасть для Kia Rio придёт в ООО «Вектор» к 12 мая, НДС включён.", true));
        assertEquals(List.of(), find("По инциденту INC-4402 и рейсу SU 1402 пишите на info@firm.ru или на shop.ru/help.", true));
        assertEquals(List.of(), find("Отчёт 6-НДФЛ и справку в PDF пришлём на e-mail.", true));
        // an abbreviation the message expands in brackets, also two joined before one bracket
        assertEquals(List.of(), find("ОСВ (оборотно-сальдовая ведомость) сверим, АЛТ и АСТ (ферменты печени) в норме.", true));
        assertEquals(List.of(), find("Это Международная классификация болезней (МКБ).", true));
    }

    @Test
    void unknownCyrillicWordsCountOnlyWhenAsked() {
        // «акционных» is a word the dictionary lacks, not a term: outside a message with jargon it is left alone
        assertEquals(List.of(), find("Возврат акционных товаров не производится.", false));
        assertEquals(List.of("акционных"), find("Возврат акционных товаров не производится.", true));
    }

    @Test
    void englishAbbreviationsTheClientMayNotKnow() {
        List<Token> ts = TextAnalyzer.analyze("Your PR is on hold pending AP sign-off, the VAT invoice (PDF) and a PO-118 for L2 are attached; see www.firm.com/FAQ.");
        assertEquals(List.of("PR", "AP"), terms.findEnglish(ts).stream().map(UnexplainedTerms.Term::text).toList());
        // expanded in brackets: explained
        ts = TextAnalyzer.analyze("The container is at the container yard (CY) now.");
        assertEquals(List.of(), terms.findEnglish(ts));
    }

    @Test
    void anEnglishSuggestionThatKeepsAnAbbreviationIsWithheld() {
        // «QJX» is shorthand no rule knows (the jargon rules report «CY» themselves): the guard names it
        String draft = "Hi Tom, we'll need a PO before the GRN can be raised, then we'll escalate to the QJX team.";
        CheckResult c = engine.check(draft);
        assertTrue(c.suggestions().isEmpty(), c.suggestions().toString());
        Finding f = c.findings().stream().filter(x -> x.rule().equals(PhrasingEngine.UNEXPLAINED_EN)).findFirst().orElseThrow(() -> new AssertionError(c.findings()));
        assertEquals("QJX", draft.substring(f.start(), f.end()));
        assertFalse(f.rewritable());
    }

    @Test
    void aLineOfTwoWordsStopsWithFileAndLine() {
        ContentException e = assertThrows(ContentException.class, () -> UnexplainedTerms.of("known.txt", "# c\nНДС\nНДС ООО\n"));
        assertTrue(e.getMessage().contains("known.txt") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void theEngineWithholdsASuggestionThatKeepsATermAndNamesIt() {
        String draft = "Добрый день. Во вложении редлайн договора. Просим вернуть комменты до 20.05.";
        CheckResult c = engine.check(draft);
        assertTrue(c.suggestions().isEmpty(), c.suggestions().toString());
        assertFalse(c.partial().isEmpty(), "the version that fixes «комменты» stays a head start");
        Finding f = c.findings().stream().filter(x -> x.rule().equals(PhrasingEngine.UNEXPLAINED)).findFirst().orElseThrow();
        assertEquals("редлайн", f.fragment());
        assertEquals("редлайн", draft.substring(f.start(), f.end()));
        assertEquals("jargon", f.category());
        assertFalse(f.rewritable());
        // the same message without the unknown term gets its suggestion
        CheckResult plain = engine.check("Добрый день. Во вложении правки к договору. Просим вернуть комменты до 20.05.");
        assertEquals("Добрый день. Во вложении правки к договору. Просим вернуть комментарии до 20.05.", plain.suggestions().get(0));
    }

    @Test
    void aRewrittenSentenceKeepingAnAbbreviationInsideItsFindingIsWithheld() {
        CheckResult c = engine.check("В направлении нет подписи врача, без неё по ОМС не проведём.");
        assertTrue(c.suggestions().isEmpty(), c.suggestions().toString());
        assertTrue(c.findings().stream().anyMatch(f -> !f.rewritable() && f.why().contains("«ОМС»")), c.findings().toString());
    }

    @Test
    void aLatinTermExplainedInARussianSentenceIsNoJargon() {
        // the English rule's term in Russian text, defined by «означает» and by «: это …»
        assertFalse(engine.check("Слово «SLA» в договоре означает наши обязательства по срокам: выезд инженера — в течение 48 часов.").risky());
        assertFalse(engine.check("Ирина, по вашему вопросу про SLA: это соглашение об уровне сервиса, на критичные заявки мы реагируем за 2 часа.").risky());
        assertTrue(engine.check("SLA пока не нарушен, ждём фикса.").risky());
    }

    @Test
    void aTermNamedAsAWordOrExplainedLaterInItsSentenceIsNoJargon() {
        assertFalse(engine.check("Мы завели заявку (во внутренней системе она называется «тикет») под номером 58213.").risky());
        assertFalse(engine.check("Заявление согласовано (в кадровой системе это отображается как статус «апрув»).").risky());
        assertFalse(engine.check("Hi Sarah, I've escalated your case #40917 to our second-line team — that just means engineers"
                + " with deeper access will look at it.").risky());
        // the same terms used, not explained
        assertTrue(engine.check("Мы завели тикет под номером 58213.").risky());
        assertTrue(engine.check("Hi Sarah, I've escalated your case #40917 to our second-line team.").risky());
    }
}
