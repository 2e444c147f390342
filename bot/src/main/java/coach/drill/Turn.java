package coach.drill;

import coach.text.Lang;
import java.util.List;

/**
 * One exchange of a drill: the assistant answers the client's last line and is scored on the criteria
 * this turn expects; the client's next line is the first of the reactions whose condition the reply meets.
 */
record Turn(List<Criterion> expects, String modelAnswerRu, String modelAnswerEn, List<Reaction> reactions) {

    String modelAnswer(Lang lang) {
        return lang == Lang.EN ? modelAnswerEn : modelAnswerRu;
    }

    String modelAnswer() {
        return modelAnswerRu;
    }

    /** The reaction the reply selects (the last one always applies). */
    Reaction reactionTo(Assessment all, Assessment turn) {
        for (Reaction r : reactions) {
            if (r.applies(all, turn)) {
                return r;
            }
        }
        return reactions.get(reactions.size() - 1);
    }
}
