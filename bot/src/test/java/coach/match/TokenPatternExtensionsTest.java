package coach.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Marks, anchors, rests, compound words, groups and the prefilter index. */
class TokenPatternExtensionsTest {

    private static String first(String pattern, String text) {
        List<Match> ms = TokenPattern.compile(pattern).findAll(TextAnalyzer.analyze(text));
        return ms.isEmpty() ? null : text.substring(ms.get(0).start(), ms.get(0).end());
    }

    @Test
    void marksReportOnlyTheMarkedPart() {
        assertEquals("Пишите", first("< =пишите > в отдел*", "Пишите в отдел продаж."));
        assertEquals(null, first("< =пишите > в отдел*", "Пишите в любое время."));
        assertEquals("сами", first("вы < сами > выбрали", "Вы сами выбрали тариф."));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("< =пишите"));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("=пишите > в"));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("< _? > в"));
    }

    @Test
    void aMatchNeverStartsOrEndsOnASkippedToken() {
        assertEquals("надо было читать", first("вам? ..1 надо было ..2 читать", "Ольга надо было читать."));
        assertEquals("не наша проблема", first("=это? ..2 не ..2 наш проблем*", "Заказ не наша проблема."));
    }

    @Test
    void sentenceAnchorsAndRests() {
        assertEquals("Как пойдёт", first("^ как пойдет $", "Как пойдёт."));
        assertEquals(null, first("^ как пойдет $", "Сделаем, как пойдёт дальше."));
        assertEquals("Не нравится — обращайтесь в другую студию", first("не нравит* - ..,", "Не нравится — обращайтесь в другую студию, или ждите."));
        assertEquals("мы не несём за порчу груза ответственности", first("мы ..1 не несем ..3 ответствен* ..,", "Увы, мы не несём за порчу груза ответственности, см. договор."));
        assertEquals("Сколько можно присылать одни и те же вопросы?", first("сколько можно ... ??", "Сколько можно присылать одни и те же вопросы? Ответ тот же."));
        assertEquals("что-то напутали", first("что-то напутали", "Вы что-то напутали."), "a hyphen inside a word does not end a clause");
    }

    @Test
    void suffixAlternativesCatchAnyWordWithThatEnding() {
        assertEquals("Вы же не предупредили", first("вы же не *ли", "Вы же не предупредили нас."));
        assertEquals(null, first("вы же не *ли", "Вы же не против?"));
        assertEquals(null, first("*ли", "ли"), "the ending alone is not a word with that ending");
    }

    @Test
    void compoundWordsAndGroups() {
        assertEquals("That's not", first("that's not", "That's not our problem."));
        assertEquals("can’t help", first("can't help", "We can’t help."), "typographic apostrophes are the same token");
        assertEquals(List.of("that's not", "this is not"), TokenPattern.expand("{that's|this is} not"));
        assertEquals(List.of("a|b c"), TokenPattern.expand("{a|b} c"), "single words fold into one alternation");
        assertEquals(List.of("we can help", "help"), TokenPattern.expand("{we can}? help"), "an optional group may be missing");
        assertEquals(List.of("< we can ..1 help >", "< help >"), TokenPattern.expand("< {we can}? ..1 help >"), "and takes its gap with it");
        assertTrue(TokenPattern.compile(TokenPattern.expand("< {you'll have to|you must} wait >").get(0)).matches(TextAnalyzer.analyze("You'll have to wait.")));
        assertEquals("что-то", first("что-то? напута*", "Вы что-то напутали.").substring(0, 6));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("that's|this"), "compounds among alternatives need a group");
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.expand("{a|} b"));
        assertThrows(IllegalArgumentException.class, () -> TokenPattern.compile("нет ..., да"), "a mistyped rest is an error, not a literal");
    }

    @Test
    void theIndexNeverDropsAPatternThatMatches() {
        List<String> sources = List.of("не ..2 наш проблем*", "< =пишите > в отдел*", "^ как пойдет $", "=ждите|=ожидайте",
                "гарантиру*|обещаю ..4 , что", "вы ..1 сами? ..2 виноват*", "{that's|it's} ..1 not ..1 our|my problem", "_ # минут*",
                "я? ..1 не знаю", "!наш проблем*", "вы ..1 же не *ли", "*ите ..2 пожалуйста", "за ..1 пять|5 минут*", "сто|100 процент*|%", "нет ,? и ..1 все|точка");
        List<TokenPattern> patterns = new ArrayList<>();
        PatternIndex<TokenPattern> index = new PatternIndex<>();
        for (String src : sources) {
            for (String one : TokenPattern.expand(src)) {
                TokenPattern p = TokenPattern.compile(one);
                patterns.add(p);
                index.add(p, p);
            }
        }
        String[] words = {"это", "не", "наша", "проблема", "пишите", "в", "отдел", "как", "пойдёт", ".", ",", "ждите", "гарантирую", "что",
            "вы", "сами", "виноваты", "that's", "not", "our", "problem", "5", "минут", "я", "знаю", "сто", "процентов", "%", "нет", "и", "точка",
            "ваша", "обещаю", "за", "пять", "It's", "my", "же", "прислали", "пишите", "пожалуйста"};
        Random rnd = new Random(7);
        for (int n = 0; n < 3000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + rnd.nextInt(9);
            for (int i = 0; i < len; i++) {
                b.append(words[rnd.nextInt(words.length)]).append(' ');
            }
            List<Token> tokens = TextAnalyzer.analyze(b.toString());
            List<TokenPattern> candidates = index.candidates(tokens);
            for (TokenPattern p : patterns) {
                if (p.matches(tokens)) {
                    assertTrue(candidates.contains(p), p + " matches «" + b + "» but the index dropped it");
                }
            }
        }
        assertFalse(index.candidates(TextAnalyzer.analyze("Спасибо за обращение!")).contains(patterns.get(0)));
    }
}
