package coach.text.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TyposTest {
    private final Typos typos = new Typos(Morphology.russian());

    @Test
    void plainMisspellingsAreCorrected() {
        assertEquals("Вы указали неверный адрес при оформлении заказа 77-310.",
                typos.fix("Вы указали неверный адресс при оформлении заказа 77-310."));
        assertEquals("В ближайшие дни привезём.", typos.fix("В ближайшие дни привизём."));
        assertEquals("Новая коллекция уже в салоне.", typos.fix("Новая колекция уже в салоне."));
    }

    @Test
    void knownWordsNamesAndDoubtfulOnesStay() {
        String s = "Оплатка прошла, Гагарина 12, оплатка тоже, e-mail, ноут, перелогиньтесь.";
        assertEquals(s, typos.fix(s)); // «оплатка» is slang, not «оплетка»: а and е are not confused
        String known = "Документы поступили в последний день приёма.";
        assertEquals(known, typos.fix(known));
        assertEquals("", typos.fix(""));
    }
}
