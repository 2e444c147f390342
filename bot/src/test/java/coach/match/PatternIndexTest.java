package coach.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefilter keeps every pattern that matches and drops the ones whose required words are absent. */
class PatternIndexTest {
    private static final List<String> PATTERNS = List.of(
            "не наш проблема",            // stems
            "=ждите ответа",              // exact form, then a stem
            "~идти ..3 домой",            // lemma
            "пере* заново",               // prefix
            "п* ..2 сразу",               // one-letter prefix
            "*ли вчера",                  // suffix
            "%VB:IMP:PL ..3 срочно",      // tag (always taken as present)
            "!нет ответ",                 // negated element (not required)
            "спасибо? за обращение",      // optional element
            "_ # рубл",                   // any word, a number
            "как я уже {писал|говорил}");  // a group expanded into two patterns

    private static final List<String> TEXTS = List.of(
            "Это не наша проблема.", "Это не ваша проблема.", "Ждите ответа.", "ждать ответа", "Он шёл вчера домой.",
            "Пойдёте потом домой?", "Переделайте заново, пожалуйста.", "Сделайте заново.", "Позвоните сразу.",
            "Пришли вчера.", "Ли вчера?", "Пришлите срочно документы!", "Дайте ответ.", "Нет ответа.", "За обращение спасибо.",
            "Спасибо за обращение!", "Стоит 300 рублей.", "Как я уже писал, монтаж начнётся 3-го.", "как я уже говорила", "",
            "ЖДИТЕ ОТВЕТА!!!", "переписали вчера");

    private static PatternIndex<String> index() {
        PatternIndex<String> idx = new PatternIndex<>();
        for (String p : PATTERNS) {
            for (String e : TokenPattern.expand(p)) {
                idx.add(TokenPattern.compile(e), p);
            }
        }
        return idx;
    }

    @Test
    void keepsEveryPatternThatMatches() {
        PatternIndex<String> idx = index();
        int dropped = 0;
        for (String text : TEXTS) {
            List<Token> tokens = TextAnalyzer.analyze(text);
            List<String> candidates = idx.candidates(tokens);
            List<String> matching = new ArrayList<>();
            for (String p : PATTERNS) {
                boolean m = TokenPattern.expand(p).stream().anyMatch(e -> TokenPattern.compile(e).matches(tokens));
                if (m) {
                    matching.add(p);
                    assertTrue(candidates.contains(p), "'" + p + "' matches «" + text + "» but the index dropped it");
                }
            }
            dropped += PATTERNS.size() - candidates.size();
            // candidates come in the order the values were first added
            assertEquals(PATTERNS.stream().filter(candidates::contains).toList(), candidates);
        }
        assertTrue(dropped > TEXTS.size() * 5, "the index saves work: " + dropped);
    }

    @Test
    void thePatternsLetThroughAreEveryOneThatMatches() {
        // each value with two patterns of different required words: only those whose words occur are let through
        PatternIndex<String> idx = new PatternIndex<>();
        List<TokenPattern> all = new ArrayList<>();
        for (String p : PATTERNS) {
            for (String e : TokenPattern.expand(p)) {
                TokenPattern tp = TokenPattern.compile(e);
                all.add(tp);
                idx.add(tp, p);
            }
        }
        int skipped = 0;
        for (String text : TEXTS) {
            List<Token> tokens = TextAnalyzer.analyze(text);
            java.util.Set<TokenPattern> mayMatch = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            assertEquals(idx.candidates(tokens), idx.candidates(tokens, mayMatch));
            for (TokenPattern tp : all) {
                if (tp.matches(tokens)) {
                    assertTrue(mayMatch.contains(tp), "'" + tp + "' matches «" + text + "» but was not let through");
                } else if (!mayMatch.contains(tp)) {
                    skipped++;
                }
            }
            // a phrase set run on the patterns let through finds what it finds running them all
            PhraseSet set = new PhraseSet(all, List.of());
            assertEquals(set.findAll(tokens).toString(), set.findAll(tokens, mayMatch::contains).toString());
        }
        assertTrue(skipped > TEXTS.size() * 5, "patterns that cannot match are not run: " + skipped);
        // of one value's two patterns, the one whose words the text has is let through, the other is not
        PatternIndex<String> two = new PatternIndex<>();
        TokenPattern wait = TokenPattern.compile("=ждите ответа");
        TokenPattern redo = TokenPattern.compile("пере* заново");
        two.add(wait, "rude").add(redo, "rude");
        java.util.Set<TokenPattern> some = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        assertEquals(List.of("rude"), two.candidates(TextAnalyzer.analyze("Ждите ответа."), some));
        assertEquals(java.util.Set.of(wait), some);
    }

    @Test
    void requiredWordsDecide() {
        PatternIndex<String> idx = index();
        assertEquals(List.of("не наш проблема"), only(idx, "Это не наша проблема.", "не наш проблема"));
        assertEquals(List.of(), only(idx, "Это не ваша проблема.", "не наш проблема"));
        // a suffix counts only in a longer word: «ли» alone is not «*ли»
        assertEquals(List.of(), only(idx, "Ли вчера?", "*ли вчера"));
        assertEquals(List.of("*ли вчера"), only(idx, "Пришли вчера.", "*ли вчера"));
        assertEquals(List.of("пере* заново"), only(idx, "Переделайте заново.", "пере* заново"));
        assertEquals(List.of(), only(idx, "Сделайте заново.", "пере* заново"));
        assertEquals(List.of("~идти ..3 домой"), only(idx, "Он шёл вчера домой.", "~идти ..3 домой"));
    }

    @Test
    void patternsAddedAfterAQueryAndWordsSeenBeforeTheirPatternCount() {
        PatternIndex<String> idx = index();
        String text = "Зюзюка прибыла вовремя.";
        assertEquals(List.of(), idx.candidates(TextAnalyzer.analyze(text)));
        // a word analysed before any pattern asked for it is found once one does
        idx.add(TokenPattern.compile("=зюзюка ~прибыть"), "late");
        assertEquals(List.of("late"), idx.candidates(TextAnalyzer.analyze(text)));
        assertTrue(TokenPattern.compile("=зюзюка ~прибыть").matches(TextAnalyzer.analyze(text)));
    }

    @Test
    void aLemmaOfAnElementThatIsNotTheAnchorCounts() {
        // the long exact word is the anchor; the lemma must still be looked up in the text
        PatternIndex<String> idx = new PatternIndex<>();
        TokenPattern p = TokenPattern.compile("=перевозчик ~прийти");
        idx.add(p, "came");
        List<Token> tokens = TextAnalyzer.analyze("Перевозчик пришёл.");
        assertTrue(p.matches(tokens));
        assertEquals(List.of("came"), idx.candidates(tokens));
    }

    private static List<String> only(PatternIndex<String> idx, String text, String pattern) {
        return idx.candidates(TextAnalyzer.analyze(text)).stream().filter(pattern::equals).toList();
    }
}
