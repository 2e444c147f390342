package coach.text.morph;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The case a Russian preposition asks of its noun, for the prepositions that ask for one case only («после» → genitive,
 * «к» → dative, «через» → accusative, «перед» → instrumental, «о» → prepositional). Prepositions with two or more
 * cases («в», «на», «за», «под», «с») are not here: the noun's own form tells, or nothing does.
 */
public final class Government {
    private Government() {
    }

    private static final Map<String, Case> ONE_CASE = new java.util.HashMap<>();

    static {
        put(Case.GEN, "без", "безо", "для", "до", "из", "изо", "из-за", "из-под", "от", "ото", "у", "около", "после",
                    "кроме", "вместо", "среди", "возле", "вокруг", "мимо", "напротив", "ради", "против", "насчёт", "насчет",
                    "вдоль", "внутри", "вне", "позади", "помимо", "касательно", "относительно", "вследствие", "ввиду",
                    "накануне", "посредством", "путём", "путем", "сверх", "свыше", "вроде", "вблизи");
        put(Case.DAT, "к", "ко", "по", "благодаря", "согласно", "вопреки", "навстречу");
        put(Case.ACC, "про", "через", "сквозь", "спустя");
        put(Case.INS, "над", "надо", "перед", "передо", "между", "меж");
        put(Case.LOC, "о", "об", "обо", "при");
    }

    private static void put(Case c, String... words) {
        for (String w : words) {
            ONE_CASE.put(w, c);
        }
    }

    /** The one case this preposition governs, or empty when it is no preposition here or governs several. */
    public static Optional<Case> caseAfter(String preposition) {
        return Optional.ofNullable(ONE_CASE.get(preposition.toLowerCase(Locale.ROOT)));
    }
}
