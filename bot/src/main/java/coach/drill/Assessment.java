package coach.drill;

import coach.text.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How one answer did against a rubric: each criterion true or false, the weighted score, and feedback on what was missing. */
public final class Assessment {
    /** One criterion's verdict. */
    record Outcome(Criterion criterion, boolean met) {
    }

    private final List<Outcome> outcomes;
    private final int score;
    private final boolean empty;
    private final Map<String, String> vars;
    private final Lang lang;
    private final boolean risky;
    private final boolean offTopic;
    private final Map<String, String> slots;

    Assessment(List<Outcome> outcomes, int score, boolean empty, Map<String, String> vars, Lang lang, boolean risky,
               boolean offTopic, Map<String, String> slots) {
        this.outcomes = List.copyOf(outcomes);
        this.score = score;
        this.empty = empty;
        this.vars = vars;
        this.lang = lang;
        this.risky = risky;
        this.offTopic = offTopic;
        this.slots = slots;
    }

    /** The same reply judged on some of the criteria only (those a turn expects), scored on them. */
    Assessment only(List<Criterion> criteria) {
        List<Outcome> sub = new ArrayList<>();
        for (Criterion c : criteria) {
            outcomes.stream().filter(o -> o.criterion() == c).findFirst().ifPresent(sub::add);
        }
        return new Assessment(sub, DrillScorer.score(sub), empty, vars, lang, risky, offTopic, slots);
    }

    /** The phrasing engine found something rude or risky in the reply. */
    boolean risky() {
        return risky;
    }

    /** The reply is short and says nothing the rubric knows (no criterion, no rejected promise, no slot): off topic or empty. */
    boolean offTopic() {
        return empty || offTopic;
    }

    /** The slots read from the reply (time, day, amount, channel…): name → the reply's own words. */
    Map<String, String> slots() {
        return slots;
    }

    boolean met(String criterionId) {
        return outcomes.stream().anyMatch(o -> o.met() && o.criterion().id().equals(criterionId));
    }

    /** Criterion id → met, in rubric order. */
    public Map<String, Boolean> criteria() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        outcomes.forEach(o -> out.put(o.criterion().id(), o.met()));
        return out;
    }

    /** 0–100: the weights of the criteria met over the weights assessed, capped when a gating criterion (politeness) fails. */
    public int score() {
        return score;
    }

    /** One line per missing criterion: what is missing, the guide's words, and a phrase that would satisfy it. */
    public List<String> feedback(Lang lang) {
        List<String> out = new ArrayList<>();
        if (empty) {
            out.add(coach.core.Texts.get(lang, "drill.feedback.empty"));
        }
        for (Outcome o : outcomes) {
            if (!o.met()) {
                Criterion c = o.criterion();
                out.add(coach.core.Texts.get(lang, c.quote() == null ? "drill.feedback.line_no_quote" : "drill.feedback.line",
                        "name", c.name(lang), "principle", c.principle().title(lang), "quote", c.quote() == null ? "" : c.quote(),
                        "hint", Template.fill(c.hint(lang), vars)));
            }
        }
        return out;
    }

    /** True when the answer had no words at all: nothing could be scored. */
    boolean isEmpty() {
        return empty;
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    Map<String, String> vars() {
        return vars;
    }

    Band band() {
        return Band.of(score);
    }
}
