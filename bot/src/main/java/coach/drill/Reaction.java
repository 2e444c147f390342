package coach.drill;

import coach.text.Lang;
import java.util.List;
import java.util.Set;

/**
 * One possible next message of the client, chosen by what the reply did. A turn's reactions are tried in
 * order and the first whose condition holds is sent; the last one has no condition. Texts are templates
 * over the run's variables and the slots read from the reply ({@code {{day}}}, {@code {{amount}}}…); a
 * reaction that quotes a slot must require it ({@code has}).
 *
 * @param rude     when set: the reply is (true) or is not (false) flagged by the phrasing engine
 * @param offTopic when set: the reply meets no criterion and names no slot (true), or does (false)
 * @param met      criteria (of the whole rubric) the reply must meet
 * @param missed   criteria the reply must miss
 * @param has      slots the reply must name
 * @param lacks    slots the reply must not name
 * @param bands    score bands of the turn's answer (empty: any)
 * @param examples replies per language that must select this reaction (run by the scenario test)
 */
record Reaction(String id, Boolean rude, Boolean offTopic, List<String> met, List<String> missed, List<String> has,
                List<String> lacks, Set<Band> bands, String ru, String en, List<String> examplesRu, List<String> examplesEn, int line) {

    boolean unconditional() {
        return rude == null && offTopic == null && met.isEmpty() && missed.isEmpty() && has.isEmpty() && lacks.isEmpty() && bands.isEmpty();
    }

    /** Whether the reply, judged on the whole rubric ({@code all}) and on the turn ({@code turn}), selects this reaction. */
    boolean applies(Assessment all, Assessment turn) {
        if (rude != null && rude != all.risky()) {
            return false;
        }
        if (offTopic != null && offTopic != all.offTopic()) {
            return false;
        }
        for (String c : met) {
            if (!all.met(c)) {
                return false;
            }
        }
        for (String c : missed) {
            // an empty reply misses everything and says nothing: it is answered as off topic, not as a broken promise
            if (all.met(c) || all.isEmpty()) {
                return false;
            }
        }
        for (String s : has) {
            if (!all.slots().containsKey(s)) {
                return false;
            }
        }
        for (String s : lacks) {
            if (all.slots().containsKey(s)) {
                return false;
            }
        }
        return bands.isEmpty() || bands.contains(turn.band());
    }

    String text(Lang lang) {
        return lang == Lang.EN ? en : ru;
    }

    List<String> examples(Lang lang) {
        return lang == Lang.EN ? examplesEn : examplesRu;
    }
}
