package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EuphonyTest {
    @Test
    void prepositionTakesTheFormTheNextWordAsksFor() {
        assertEquals("лучше связаться со страховой компанией", Templates.euphony("лучше связаться с страховой компанией"));
        assertEquals("ко всем участникам, во вторник, со мной", Templates.euphony("к всем участникам, в вторник, с мной"));
        assertEquals("Со Сбербанком", Templates.euphony("С Сбербанком"));
    }

    @Test
    void ordinaryFormsStay() {
        String s = "с сентября, с вами, с врачом, к вам, в фирме, в банк, с 9:00, вс выходной";
        assertEquals(s, Templates.euphony(s));
    }
}
