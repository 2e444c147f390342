package coach.text.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Noun phrases put into another case on the real dictionaries. */
class PhraseInflectorTest {
    private static final PhraseInflector P = Morphology.load(TestKb.source()).phrases();

    private static Optional<String> to(String phrase, Case target) {
        return P.inflect(phrase, null, target, null);
    }

    @Test
    void svoiBecomesVashInTheAgreeingForm() {
        // «пишите своему менеджеру» → «я свяжусь с вашим менеджером»
        assertEquals(Optional.of("вашим менеджером"), P.inflect("своему менеджеру", Case.DAT, Case.INS, null));
        assertEquals(Optional.of("вашим менеджером"), to("своему менеджеру", Case.INS));
        assertEquals(Optional.of("вашим новым менеджером"), to("своему новому менеджеру", Case.INS));
        assertEquals(Optional.of("вашу заявку"), to("свою заявку", Case.ACC));
        assertEquals(Optional.of("вашего менеджера"), to("своего менеджера", Case.ACC));
        assertEquals(Optional.of("ваших коллег"), to("своим коллегам", Case.ACC));
        assertEquals(Optional.of("вашему отделу"), to("твой отдел", Case.DAT));
        assertEquals(Optional.of(List.of("нашим", "юристом")), P.inflect(List.of("своему", "юристу"), null, Case.INS, null, "наш"));
        assertEquals(Optional.of(List.of("своим", "юристом")), P.inflect(List.of("своему", "юристу"), null, Case.INS, null, null));
    }

    @Test
    void agreementAndAnimacyInTheAccusative() {
        assertEquals(Optional.of("нового клиента"), to("новый клиент", Case.ACC));
        assertEquals(Optional.of("новый договор"), to("новым договором", Case.ACC));
        assertEquals(Optional.of("новых клиентов"), to("новым клиентам", Case.ACC));
        assertEquals(Optional.of("новые договоры"), to("новыми договорами", Case.ACC));
        assertEquals(Optional.of("новый клиент"), to("нового клиента", Case.NOM));
        assertEquals(Optional.of("новым договором"), to("новый договор", Case.INS));
    }

    @Test
    void genitiveTailStaysAsItIs() {
        assertEquals(Optional.of("отделом продаж"), to("отдел продаж", Case.INS));
        assertEquals(Optional.of("директору нового филиала"), to("директор нового филиала", Case.DAT));
        assertEquals(Optional.of("счётом № 245"), to("счёт № 245", Case.INS));
        assertEquals(Optional.of("менеджером по продажам"), to("менеджер по продажам", Case.INS));
    }

    @Test
    void namesInAppositionFollowTheHead() {
        assertEquals(Optional.of("Анной Петровной"), to("Анне Петровне", Case.INS));
        assertEquals(Optional.of("менеджером Иваном Петровым"), to("менеджеру Ивану Петрову", Case.INS));
        // a genitive noun after the head is a tail, not an apposition
        assertEquals(Optional.of("директором компании"), to("директору компании", Case.INS));
    }

    @Test
    void personalPronounsChangeCaseAndKeepTheirNForm() {
        assertEquals(Optional.of("Вами"), to("Вам", Case.INS));
        assertEquals(Optional.of("ним"), to("нему", Case.INS)); // к нему → с ним
        assertEquals(Optional.of("им"), to("ему", Case.INS));
        assertEquals(Optional.of("мной"), to("мне", Case.INS));
        // «ним»: он (instrumental) or они (dative)
        assertEquals(Optional.empty(), to("ним", Case.DAT));
        assertEquals(Optional.of("нему"), P.inflect("ним", Case.INS, Case.DAT, null).map(s -> s));
    }

    @Test
    void moreEverydayPhrases() {
        assertEquals(Optional.of("всеми документами"), to("все документы", Case.INS));
        assertEquals(Optional.of("каждому клиенту"), to("каждого клиента", Case.DAT));
        assertEquals(Optional.of("вашим письмом от 12 марта"), to("ваше письмо от 12 марта", Case.INS));
        assertEquals(Optional.of("следующей неделе"), to("следующую неделю", Case.LOC));
        assertEquals(Optional.of("вашим e-mail"), to("ваш e-mail", Case.INS));
        assertEquals(Optional.of("отправленными документами"), to("отправленные документы", Case.INS));
        assertEquals(Optional.of("Иваном Петровичем"), to("Иван Петрович", Case.INS));
        assertEquals(Optional.of("одним днём"), to("один день", Case.INS));
        assertEquals(Optional.of("вашим временем"), to("своё время", Case.INS));
        assertEquals(Optional.empty(), to("два дня", Case.INS), "numerals in words are not handled");
    }

    @Test
    void adjectivesUsedAsNouns() {
        assertEquals(Optional.of("нашим дежурным"), to("нашему дежурному", Case.INS));
        assertEquals(Optional.of("ответственному"), to("ответственного", Case.DAT));
        // masculine or neuter, and a masculine accusative needs an animacy nobody knows
        assertEquals(Optional.empty(), to("ответственному", Case.ACC));
    }

    @Test
    void aCountInDigitsDecidesTheFormOfItsNoun() {
        assertEquals(Optional.of("3 рабочими днями"), to("3 рабочих дня", Case.INS));
        assertEquals(Optional.of("3 рабочих дня"), to("3 рабочих дня", Case.NOM));
        assertEquals(Optional.of("21 дня"), to("21 день", Case.GEN));
        assertEquals(Optional.of("5 заявкам"), to("5 заявок", Case.DAT));
        assertEquals(Optional.of("1 заявку"), to("1 заявка", Case.ACC));
        assertEquals(Optional.of("2 новыми заявками"), to("2 новые заявки", Case.INS));
        assertEquals(Optional.of("12 заказов"), to("12 заказов", Case.NOM)); // not the surname Заказов
        assertEquals(Optional.of("22 заказах"), to("22 заказа", Case.LOC));
        assertEquals(Optional.of("101 заказу"), to("101 заказ", Case.DAT));
        assertEquals(Optional.of("11 днями"), to("11 дней", Case.INS));
        // «вижу двух клиентов» or «2 клиента»: digits do not tell
        assertEquals(Optional.empty(), to("3 клиента", Case.ACC));
        assertEquals(Optional.empty(), to("2,5 часа", Case.INS));
        // a date does not decline; a year is no count
        assertEquals(Optional.of("12 марта"), to("12 марта", Case.INS));
        assertEquals(Optional.empty(), to("2026 год", Case.INS));
    }

    @Test
    void numberCanChange() {
        assertEquals(Optional.of("ваши заявки"), P.inflect("ваша заявка", null, Case.NOM, GrammaticalNumber.PLUR));
        assertEquals(Optional.of("вашей заявке"), to("ваша заявка", Case.DAT));
        assertEquals(Optional.of("вашим заявкам"), P.inflect("вашей заявки", null, Case.DAT, GrammaticalNumber.PLUR));
    }

    @Test
    void capitalisationOfEachWordIsKept() {
        assertEquals(Optional.of("Вашим менеджером"), to("Своему менеджеру", Case.INS));
        assertEquals(Optional.of("Иваном"), to("Иван", Case.INS));
        assertEquals(Optional.of(List.of("Вашей", "заявке")), P.inflect(List.of("Ваша", "заявка"), null, Case.DAT, null));
    }

    @Test
    void agreementOfAPhraseCanBeChecked() {
        assertEquals(true, P.agrees(List.of("вашим", "новым", "менеджером")));
        assertEquals(true, P.agrees(List.of("очень", "важному", "клиенту")));
        assertEquals(true, P.agrees(List.of("отдел")));
        assertEquals(false, P.agrees(List.of("вашему", "новым", "менеджером")));
        assertEquals(false, P.agrees(List.of("ваша", "договор")));
        assertEquals(false, P.agrees(List.of("нового", "договор")));
        assertEquals(false, P.agrees(List.of("ъъъхщщ")));
    }

    /**
     * Every adjective + noun pair of the guide that agrees: put into each case it still agrees, and
     * back in the nominative it is the phrase's own nominative.
     */
    @Test
    void theGuidesNounPhrasesGoThroughEveryCaseAndBack() {
        Morphology m = Morphology.load(TestKb.source());
        String[] ws = TestKb.source().read("guide.md").split("[^\\p{L}\\-]+");
        java.util.Set<String> phrases = new java.util.LinkedHashSet<>();
        for (int i = 0; i + 1 < ws.length; i++) {
            if (!ws[i].isEmpty() && !ws[i + 1].isEmpty() && P.agrees(List.of(ws[i], ws[i + 1]))
                    && m.analyze(ws[i]).stream().anyMatch(Reading::isAgreeingModifier)) {
                phrases.add(ws[i] + " " + ws[i + 1]);
            }
        }
        assertTrue(phrases.size() > 100, "phrases: " + phrases.size());
        int answered = 0;
        for (String phrase : phrases) {
            Optional<String> nom = P.inflect(phrase, null, Case.NOM, null);
            for (Case c : new Case[] {Case.NOM, Case.GEN, Case.DAT, Case.ACC, Case.INS, Case.LOC}) {
                Optional<String> q = P.inflect(phrase, null, c, null);
                if (q.isEmpty()) {
                    continue;
                }
                answered++;
                assertTrue(P.agrees(List.of(q.get().split(" "))), phrase + " → " + c + ": " + q.get());
                Optional<String> back = P.inflect(q.get(), c, Case.NOM, null);
                if (nom.isPresent() && back.isPresent()) {
                    assertEquals(nom, back, phrase + " → " + c + ": " + q.get());
                }
            }
        }
        assertTrue(answered > phrases.size() * 5, "answered " + answered + " of " + phrases.size() * 6);
    }

    @Test
    void unsureMeansNoAnswer() {
        // «заявки»: genitive singular or nominative plural — different answers
        assertEquals(Optional.empty(), to("заявки", Case.INS));
        assertEquals(Optional.of("заявкой"), P.inflect("заявки", Case.GEN, Case.INS, null));
        // unknown head, verbs, prepositions, no agreeing reading
        assertEquals(Optional.empty(), to("своему ъъъхщщ", Case.INS));
        assertEquals(Optional.empty(), to("в лесу", Case.INS));
        assertEquals(Optional.empty(), to("ваша договор", Case.INS));
        assertEquals(Optional.empty(), to("отдел сообщил", Case.INS));
        assertEquals(Optional.empty(), to("", Case.INS));
        // «лицо» is animate and inanimate, but a neuter accusative has one form
        assertEquals(Optional.of("ваше лицо"), P.inflect("своему лицу", null, Case.ACC, null));
    }
}
