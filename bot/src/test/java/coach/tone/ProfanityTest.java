package coach.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfanityTest {
    static Profanity p;

    @BeforeAll
    static void load() {
        p = Profanity.load(ContentSource.packaged());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // forms, derivatives and compounds
            "Это пиздец, а не доставка.|пиздец|OBSCENE",
            "Вы охуели?|охуели|OBSCENE",
            "Заебали уже своими звонками.|Заебали|OBSCENE",
            "Какой долбоёб это собирал?|долбоёб|OBSCENE",
            "Распиздяи, а не монтажники.|Распиздяи|OBSCENE",
            "Полная хуйня.|хуйня|OBSCENE",
            "Сраный принтер опять завис.|Сраный|COARSE",
            "Ваш сервис — говнище.|говнище|COARSE",
            "Какие же вы дебилы.|дебилы|INSULT",
            "Идиотизм какой-то.|Идиотизм|INSULT",
            // masks
            "Ну и х*й с ним.|х*й|OBSCENE",
            "Это п@здец.|п@здец|OBSCENE",
            "Сервис — г*вно.|г*вно|COARSE",
            "Вы е#анутые?|е#анутые|OBSCENE",
            "Это п**дец полный.|п**дец|OBSCENE",
            // Latin look-alikes and digits
            "Да xуй вам.|xуй|OBSCENE",
            "Вы 3асранцы.|3асранцы|COARSE",
            "cyka, опять сломалось|cyka|OBSCENE",
            // repeated letters
            "Хууууй вам, а не скидка.|Хууууй|OBSCENE",
            "Бляяяя, опять.|Бляяяя|OBSCENE",
            "Вы идиооооты.|идиооооты|INSULT",
            // English
            "This is fucking ridiculous.|fucking|OBSCENE",
            "What a load of bullshit.|bullshit|OBSCENE",
            "You absolute moron.|moron|INSULT",
            "f*ck this delivery|f*ck|OBSCENE",
            "Sh1t happens.|Sh1t|OBSCENE",
    })
    void findsEveryForm(String text, String word, Profanity.Kind kind) {
        List<Profanity.Hit> hits = p.find(text);
        assertEquals(1, hits.size(), text + " -> " + hits);
        Profanity.Hit h = hits.get(0);
        assertEquals(word, text.substring(h.start(), h.end()));
        assertEquals(kind, h.kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ну и х у й с ним.|х у й",
            "Б.л.я.т.ь, опять.|Б.л.я.т.ь",
            "Вы п-и-д-о-р-ы.|п-и-д-о-р-ы",
            "С у к а, верни деньги.|С у к а",
    })
    void findsLettersSplitBySpacesDotsOrDashes(String text, String span) {
        List<Profanity.Hit> hits = p.find(text);
        assertEquals(1, hits.size(), text + " -> " + hits);
        assertEquals(span, text.substring(hits.get(0).start(), hits.get(0).end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Застрахуем ваш автомобиль на год.", "Тихую комнату с сухую штукатуркой не путать.", "Небо чистое, хлеб свежий.",
            "Себестоимость потребителю ребёнок требовать.", "Мандарины и мандат в командировке.", "Херсон и херувим.",
            "Срок страницы сравнение.", "Тупик в конце улицы, урожай.", "Классный ассистент прошёл assessment.",
            "Scunthorpe is a town; dumbbells in class.", "а у нас в квартире газ", "т. е. в т. ч. и т. д.", "Цена* указана без НДС.",
            "**Важно**: встреча в 15:00.", "Я а и б", "хххххххх",
            "Оплата 18k пришла, спасибо.", "Груз 5кг и 2м кабеля, 4g-модем.", "Budget is 18k, 3d model ready."})
    void leavesOrdinaryWordsAlone(String text) {
        assertEquals(List.of(), p.find(text), text);
    }

    @Test
    void theCoachMasksWhatItQuotes() {
        assertEquals("п****ц", Profanity.mask("пиздец"));
        assertEquals("х*й", Profanity.mask("хуй"));
        assertEquals("Это п****ц, а не доставка, идиоты.", p.maskAll("Это пиздец, а не доставка, идиоты."));
        assertEquals("Ну и х*й с ним.", p.maskAll("Ну и х*й с ним."));
        assertEquals("Сервис — г***о.", p.maskAll("Сервис — говно."));
    }

    @Test
    void theWordListIsValidatedWithItsExamples() {
        ContentException bad = assertThrows(ContentException.class, () -> Profanity.parse("tone/p.tsv", "obscene\tru\tху[й\n"));
        assertEquals(1, bad.line());
        ContentException kind = assertThrows(ContentException.class, () -> Profanity.parse("tone/p.tsv", "# c\nrude\tru\tхам\n"));
        assertEquals(2, kind.line());
        ContentException ex = assertThrows(ContentException.class, () -> Profanity.parse("tone/p.tsv", "insult\tru\tидиот\\p{L}*\n+\tдебил\n"));
        assertEquals(2, ex.line());
        assertTrue(ex.getMessage().contains("дебил"), ex.getMessage());
        ContentException neg = assertThrows(ContentException.class, () -> Profanity.parse("tone/p.tsv", "insult\tru\tидиот\\p{L}*\n-\tидиоты\n"));
        assertEquals(2, neg.line());
    }
}
