package coach.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Neutral words for bad ones (profanity.tsv «=» lines) and their replacement inside a sentence, on the real word list. */
class NeutralWordsTest {
    static Profanity p;

    @BeforeAll
    static void load() {
        p = Profanity.load(ContentSource.packaged());
    }

    private static Set<String> forms(String word) {
        Set<String> out = new LinkedHashSet<>();
        p.neutral(word).forEach(n -> out.add(n.form()));
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // words the dictionary knows: the neutral word in their case and number
            "идиотов|людей", "придурку|человеку", "козлами|людьми", "сволочам|людям",
            // words it lacks: read through a model stem
            "долбоёбы|люди", "мудаков|людей", "уёбком|человеком", "хуйню|ерунду", "хуёвого|плохого",
            "проебали|потеряли", "спиздил|украл", "обосрался|опозорился",
            // words that do not inflect
            "похуй|всё равно", "нихуя|ничего", "херово|плохо",
            // English
            "idiots|people", "bullshit|nonsense",
    })
    void aNeutralWordTakesTheFormOfTheBadOne(String word, String neutral) {
        assertEquals(Set.of(neutral), forms(word), word + " -> " + p.neutral(word));
    }

    @Test
    void nothingForDisguisedWordsOrWordsWithoutALine() {
        assertTrue(p.neutral("х*йня").isEmpty(), "a masked word is a guess");
        assertTrue(p.neutral("дебилизм").isEmpty(), "a thing, not a person: «человек» does not fit");
        assertTrue(p.neutral("говно").isEmpty(), "no line, no neutral word");
        assertEquals(Set.of(""), forms("блять"), "an interjection is left out");
        assertEquals(Set.of("человек", "человека"), forms("мразь"), "nominative and accusative: the sentence decides");
    }

    private static String rewrite(String text, String word) {
        List<Token> ts = TextAnalyzer.analyze(text);
        int k = 0;
        while (!ts.get(k).text().equals(word)) {
            k++;
        }
        NeutralWords.Edit e = NeutralWords.edit(p, text, ts, k, k + 1, Lang.RU);
        return e == null ? null : text.substring(0, e.start()) + e.replacement() + text.substring(e.end());
    }

    @Test
    void theWordsAroundAgreeWithTheNeutralWord() {
        assertEquals("Кто пустил этих людей на склад?", rewrite("Кто пустил этих долбоёбов на склад?", "долбоёбов"));
        assertEquals("Этот человек опять не привёз акт.", rewrite("Эта мразь опять не привезла акт.", "мразь"),
                "the pronoun before and the past verb after change gender with it");
        assertEquals("Охрана выгнала человека со склада.", rewrite("Охрана выгнала мразь со склада.", "мразь"),
                "after a transitive verb: the accusative");
        assertEquals("Человека выгнали со склада.", rewrite("Мразь выгнали со склада.", "Мразь"),
                "a plural verb after a singular word: it is the object");
        assertEquals("Кладовщик потерял накладную.", rewrite("Кладовщик проебал накладную.", "проебал"));
        assertEquals("Не врите, посылку никто не отправлял.", rewrite("Не пиздите, посылку никто не отправлял.", "пиздите"),
                "a verb opening its clause after «не» is a request");
        assertEquals("Мне всё равно, когда приедет мастер.", rewrite("Мне по хую, когда приедет мастер.", "хую"),
                "two words: the preposition goes with it");
    }

    @Test
    void interjectionsAddressesAndAsidesAreLeftOut() {
        assertEquals("Мы вам  уже звонили.", rewrite("Мы вам блять уже звонили.", "блять"));
        assertEquals("Оплатите счёт до пятницы .", rewrite("Оплатите счёт до пятницы долбоёб.", "долбоёб"),
                "an insult closing a request is an address");
        assertEquals("Водитель  снова опоздал.", rewrite("Водитель урод снова опоздал.", "урод"), "an aside on the noun before");
        assertEquals("Этот человек снова опоздал.", rewrite("Эта сука снова опоздала.", "сука"), "after a modifier «сука» is a noun");
        assertEquals("Какой наглый человек это придумал?", rewrite("Какая наглая сука это придумала?", "сука"), "two modifiers agree");
    }

    @Test
    void nothingWhenTheFormOrTheAgreementIsNotCertain() {
        assertNull(rewrite("Он урод.", "урод"), "a predicate no neutral word fits");
        assertNull(rewrite("Эта самая наглая сука это придумала?", "сука"), "a third word would still agree with «сука»");
        assertNull(rewrite("Иди нахуй со своим договором.", "нахуй"), "without it the sentence still sends the reader away");
        assertNull(rewrite("Вы нас заебали звонками.", "заебали"), "«надоели» takes no «нас»");
    }

    @Test
    void neutralLinesAreValidatedAtLoad() {
        ContentException noEnd = assertThrows(ContentException.class,
                () -> Profanity.parse("tone/p.tsv", "=\tru\tдолбоеб\\p{L}*\tчеловек\tжлоб\n"));
        assertTrue(noEnd.getMessage().contains("tone/p.tsv:1") && noEnd.getMessage().contains("(?<end>"), noEnd.getMessage());
        ContentException fields = assertThrows(ContentException.class, () -> Profanity.parse("tone/p.tsv", "=\tru\tдурак\n"));
        assertTrue(fields.getMessage().contains("tone/p.tsv:1"), fields.getMessage());
        ContentException example = assertThrows(ContentException.class,
                () -> Profanity.parse("tone/p.tsv", "=\tru\tдурак\\p{L}*\tчеловек\n~\tдураки\tчеловеки\n"));
        assertTrue(example.getMessage().contains("tone/p.tsv:2") && example.getMessage().contains("люди"), example.getMessage());
    }
}
