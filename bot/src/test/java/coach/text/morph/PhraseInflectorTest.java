package coach.text.morph;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
