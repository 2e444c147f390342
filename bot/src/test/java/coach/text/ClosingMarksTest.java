package coach.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** «!!», «!!!», «...» and «?!» end a sentence like one mark: each mark is a token, the run stays with its sentence. */
class ClosingMarksTest {
    private static List<String> sentences(String s) {
        List<Token> tokens = TextAnalyzer.analyze(s);
        return Segments.sentences(s, tokens).stream().map(x -> s.substring(x.start(), x.end())).toList();
    }

    @Test
    void aRunOfMarksIsOneTokenPerMark() {
        List<String> texts = TextAnalyzer.analyze("Ждём!!! Да... Нет?!").stream().map(Token::text).toList();
        assertEquals(List.of("Ждём", "!", "!", "!", "Да", ".", ".", ".", "Нет", "?", "!"), texts);
    }

    @Test
    void aRunEndsItsSentence() {
        assertEquals(List.of("Пришлите документы!!!", "Ждём."), sentences("Пришлите документы!!! Ждём."));
        assertEquals(List.of("Не знаю...", "Уточню."), sentences("Не знаю... Уточню."));
        assertEquals(List.of("Серьёзно?!", "Ладно."), sentences("Серьёзно?! Ладно."));
    }

    @Test
    void numbersAndSmileysAreUntouched() {
        assertEquals(List.of("12", ".", "05", "в", "10", ":", "30"), TextAnalyzer.analyze("12.05 в 10:30").stream().map(Token::text).toList());
        assertEquals(List.of("Спасибо", ")))"), TextAnalyzer.analyze("Спасибо)))").stream().map(Token::text).toList());
    }

    @Test
    void anInitialDoesNotEndItsSentence() {
        assertEquals(List.of("Договор подписал А. С. Петров, копия у вас."), sentences("Договор подписал А. С. Петров, копия у вас."));
        assertEquals(List.of("Thank you.", "Regards, K. Haddad"), sentences("Thank you. Regards, K. Haddad"));
        assertEquals(List.of("Вход в корпус Б.", "Там вас встретят."), sentences("Вход в корпус Б. Там вас встретят."));
    }

    @Test
    void initialsBeforeALowerCaseWordGoOn() {
        assertEquals(List.of("Расчёт для Сидоровой А.В. сделан верно.", "Вопросы есть?"), sentences("Расчёт для Сидоровой А.В. сделан верно. Вопросы есть?"));
    }

    @Test
    void aUnitAfterItsNumberEndsTheSentenceBeforeACapital() {
        assertEquals(List.of("Итого 38 450 руб.", "Обсудим завтра."), sentences("Итого 38 450 руб. Обсудим завтра."));
        assertEquals(List.of("Итого 5 тыс. руб. в месяц."), sentences("Итого 5 тыс. руб. в месяц."));
        assertEquals(List.of("Офис в г. Москва, ул. Ленина."), sentences("Офис в г. Москва, ул. Ленина."));
    }

    @Test
    void aDotInsideAnAddressGoesOn() {
        assertEquals(List.of("Your domain example-shop.com expired on March 3.", "Renew it today."),
                sentences("Your domain example-shop.com expired on March 3. Renew it today."));
        assertEquals(List.of("Пишите на info@dom.ru, ответим сегодня."), sentences("Пишите на info@dom.ru, ответим сегодня."));
        assertEquals(List.of("иди охраняй его возле бункера.", "твари."), sentences("иди охраняй его возле бункера.твари."));
    }
}
