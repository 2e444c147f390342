package coach.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * One step of a drill, the same for the chat and for {@code drill-play}: the reply is judged on the whole
 * rubric (so a point made early or late is known), scored on the criteria the turn expects, and the client's
 * next message is the first reaction of the turn whose condition it meets, rendered from the run's variables
 * and the slots read from the reply.
 */
final class DrillRun {
    private DrillRun() {
    }

    /** The outcome of one reply. */
    record Step(Assessment all, Assessment turn, Reaction reaction, String clientLine, DrillState next, boolean done) {
    }

    static Step answer(DrillScorer scorer, Scenario s, DrillState st, String reply) {
        Turn turn = s.turns().get(st.turn());
        Assessment all = scorer.assess(s.rubric(), reply, st.vars(), st.lang());
        Assessment mine = all.only(turn.expects());
        Reaction r = turn.reactionTo(all, mine);
        Map<String, String> values = new LinkedHashMap<>(st.vars());
        values.putAll(all.slots());
        String line = Template.fill(r.text(st.lang()), values);
        List<String> anyMet = new ArrayList<>();
        all.outcomes().stream().filter(Assessment.Outcome::met).forEach(o -> anyMet.add(o.criterion().id()));
        DrillState.TurnResult tr = new DrillState.TurnResult(mine.score(),
                mine.outcomes().stream().filter(Assessment.Outcome::met).map(o -> o.criterion().id()).toList(),
                mine.outcomes().stream().filter(o -> !o.met()).map(o -> o.criterion().id()).toList(), List.copyOf(anyMet), line);
        DrillState next = st.answered(tr);
        return new Step(all, mine, r, line, next, next.turn() >= s.turnCount());
    }

    /** How the whole drill went: each criterion's count and the total, whole-conversation criteria counted wherever they were met. */
    record Summary(Map<String, int[]> counts, Map<String, Boolean> criteria, int score) {
    }

    static Summary summary(Scenario s, DrillState st) {
        Set<String> metAnywhere = new HashSet<>();
        st.results().forEach(r -> metAnywhere.addAll(r.anyMet()));
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Boolean> verdict = new LinkedHashMap<>();
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < st.results().size(); i++) {
            DrillState.TurnResult r = st.results().get(i);
            List<Assessment.Outcome> outcomes = new ArrayList<>();
            for (Criterion c : s.turns().get(i).expects()) {
                boolean met = r.met().contains(c.id()) || (c.conversation() && metAnywhere.contains(c.id()));
                outcomes.add(new Assessment.Outcome(c, met));
            }
            scores.add(DrillScorer.score(outcomes));
        }
        for (Criterion c : s.rubric()) {
            int expected = 0;
            int met = 0;
            for (DrillState.TurnResult r : st.results()) {
                if (r.met().contains(c.id()) || r.missed().contains(c.id())) {
                    expected++;
                    if (r.met().contains(c.id())) {
                        met++;
                    }
                }
            }
            if (expected == 0) {
                continue;
            }
            if (c.conversation()) {
                boolean any = metAnywhere.contains(c.id());
                counts.put(c.id(), new int[] {any ? 1 : 0, 1});
                verdict.put(c.id(), any);
            } else {
                counts.put(c.id(), new int[] {met, expected});
                verdict.put(c.id(), met == expected);
            }
        }
        int score = scores.isEmpty() ? 0 : (int) Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0));
        return new Summary(counts, verdict, score);
    }
}
