package coach.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentencesAndDropTest {
    static List<String> split(String text) {
        return Sentences.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void splitsMessagesIntoSentences() {
        assertEquals(List.of("Добрый день!", "Заказ готов.", "Заберёте?"), split("Добрый день! Заказ готов. Заберёте?"));
        assertEquals(List.of("Это срочно!!!", "ПОЧЕМУ МОЛЧИТЕ?!"), split("Это срочно!!! ПОЧЕМУ МОЛЧИТЕ?!"));
        assertEquals(List.of("Приеду в 10 ч. утра, т. е. до обеда.", "Адрес: ул. Ленина, д. 5."),
                split("Приеду в 10 ч. утра, т. е. до обеда. Адрес: ул. Ленина, д. 5."));
        assertEquals(List.of("Договор подписал А. С. Пушкин.", "Цена 3.5 тыс."), split("Договор подписал А. С. Пушкин. Цена 3.5 тыс."));
        assertEquals(List.of("Привет", "как дела"), split("Привет\nкак дела\n\n"));
        assertEquals(List.of("«Готово.»", "Спасибо."), split("«Готово.» Спасибо."));
        assertEquals(List.of("Готово. спасибо."), split("Готово. спасибо."), "no capital after the dot: one sentence");
        assertEquals(List.of(), split("  \n "));
    }

    static Optional<String> drop(String text, String sentence) {
        int at = text.indexOf(sentence);
        return SentenceDrop.dropSentence(text, at, at + sentence.length());
    }

    @Test
    void dropsAWholeSentenceAndKeepsTheRestWellFormed() {
        assertEquals(Optional.of("Заказ готов. Привезём в пятницу."), drop("Заказ готов. Ну вы и тормоз. Привезём в пятницу.", "Ну вы и тормоз."));
        assertEquals(Optional.of("Шкаф привезём в четверг."), drop("Ну конечно, мы же не волшебники. шкаф привезём в четверг.", "Ну конечно, мы же не волшебники."));
        assertEquals(Optional.of("Заказ готов."), drop("Заказ готов. Ну вы и тормоз.", "Ну вы и тормоз."));
        assertEquals(Optional.of("Добрый день!\nСчёт во вложении."), drop("Добрый день!\nКакой вы молодец, опять опоздали.\nСчёт во вложении.", "Какой вы молодец, опять опоздали."));
        assertEquals(Optional.empty(), drop("Ну вы и тормоз.", "Ну вы и тормоз."), "nothing would be left");
        assertEquals(Optional.empty(), drop("Заказ готов, ну вы и тормоз.", "ну вы и тормоз."), "a clause, not a sentence");
        assertEquals(Optional.empty(), drop("Заказ готов: ну вы и тормоз. Пока.", "ну вы и тормоз."));
        assertEquals(Optional.empty(), SentenceDrop.dropSentence("abc", 2, 1));
    }
}
