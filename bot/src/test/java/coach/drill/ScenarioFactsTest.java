package coach.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.app.Coach;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One set of facts per run, in both languages: every scenario rendered under every combination of its
 * variables. No text of a run names another value of a drawn variable (the cause, the term, the item…), no
 * placeholder is left, every model answer and hint is a positive example of its criteria and checks clean with
 * the real phrasing engine, and every client reaction is chosen by its own example replies.
 */
class ScenarioFactsTest {
    static Drills drills;
    static Predicate<String> risky;

    @BeforeAll
    static void load() {
        risky = Coach.riskyText(TestKb.kb());
        drills = Drills.load(TestKb.kb(), Coach.impoliteText(TestKb.kb()), () -> 42L); // reactions see what the product sees
    }

    /** Every text a run can show, by where it comes from (reactions that quote slots are rendered with their example's slots). */
    private static Map<String, String> texts(Scenario s, Map<String, String> vars, Lang lang) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("persona", Template.fill(s.persona(lang), vars));
        out.put("situation", Template.fill(s.situation(lang), vars));
        out.put("opening", Template.fill(s.opening(lang), vars));
        for (Criterion c : s.rubric()) {
            out.put("hint " + c.id(), Template.fill(c.hint(lang), vars));
        }
        for (int i = 0; i < s.turnCount(); i++) {
            Turn t = s.turns().get(i);
            out.put("model answer " + (i + 1), Template.fill(t.modelAnswer(lang), vars));
            for (Reaction r : t.reactions()) {
                Map<String, String> withSlots = new LinkedHashMap<>(vars);
                if (!r.examples(lang).isEmpty()) {
                    withSlots.putAll(drills.scorer().slots().read(r.examples(lang).get(0), lang));
                }
                out.put("turn " + (i + 1) + " reaction " + r.id(), Template.fill(r.text(lang), withSlots));
            }
        }
        return out;
    }

    @Test
    void everyCombinationOfVariablesRendersOneConsistentSetOfFactsInBothLanguages() {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (Scenario s : drills.scenarios()) {
            Map<String, Integer> sizes = s.variableSizes();
            for (Map<String, Integer> draw : s.allDraws()) {
                runs++;
                for (Lang lang : Lang.values()) {
                    Map<String, String> vars = s.values(draw, lang);
                    for (Map.Entry<String, String> t : texts(s, vars, lang).entrySet()) {
                        String where = s.id() + " " + lang + " " + t.getKey() + " " + draw;
                        if (t.getValue().contains("{{") || t.getValue().contains("}}")) {
                            failures.add(where + ": placeholder left: " + t.getValue());
                        }
                        // a value of a variable other than the drawn one contradicts the run
                        for (String var : sizes.keySet()) {
                            for (int i = 0; i < sizes.get(var); i++) {
                                if (i == draw.get(var)) {
                                    continue;
                                }
                                String other = s.values(Map.of(var, i), lang).get(var);
                                if (other.length() > 3 && !vars.get(var).contains(other) && containsPhrase(t.getValue(), other)) {
                                    failures.add(where + ": names " + var + " '" + other + "' instead of '" + vars.get(var) + "': " + t.getValue());
                                }
                            }
                        }
                    }
                }
                if (failures.size() > 20) {
                    break;
                }
            }
        }
        assertTrue(runs > 500, "runs rendered: " + runs);
        assertTrue(failures.isEmpty(), String.join("\n", failures.stream().distinct().limit(30).toList()));
    }

    private static boolean containsPhrase(String text, String phrase) {
        String t = coach.text.Normalizer.norm(text);
        String p = coach.text.Normalizer.norm(phrase);
        int at = t.indexOf(p);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(t.charAt(at - 1));
            int end = at + p.length();
            boolean endOk = end >= t.length() || !Character.isLetterOrDigit(t.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = t.indexOf(p, at + 1);
        }
        return false;
    }

    @Test
    void modelAnswersMeetTheirTurnAndCheckCleanWithThePhrasingEngineUnderEveryCombination() {
        List<String> failures = new ArrayList<>();
        for (Scenario s : drills.scenarios()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Map<String, Integer> draw : s.allDraws()) {
                for (Lang lang : Lang.values()) {
                    Map<String, String> vars = s.values(draw, lang);
                    for (int i = 0; i < s.turnCount(); i++) {
                        Turn t = s.turns().get(i);
                        String answer = Template.fill(t.modelAnswer(lang), vars);
                        if (!seen.add(answer)) {
                            continue;
                        }
                        Assessment a = drills.scorer().assess(s.rubric(), answer, vars, lang).only(t.expects());
                        String where = s.id() + " " + lang + " turn " + (i + 1);
                        if (a.score() != 100) {
                            failures.add(where + " " + a.criteria() + ": " + answer);
                        }
                        if (risky.test(answer)) {
                            failures.add(where + " flagged by the phrasing engine: " + answer);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.stream().limit(30).toList()));
    }

    @Test
    void everyHintIsAPositiveExampleOfItsCriterionInBothLanguagesUnderEveryCombination() {
        List<String> failures = new ArrayList<>();
        for (Scenario s : drills.scenarios()) {
            for (Map<String, Integer> draw : s.allDraws()) {
                for (Lang lang : Lang.values()) {
                    Map<String, String> vars = s.values(draw, lang);
                    for (Criterion c : s.rubric()) {
                        String hint = Template.fill(c.hint(lang), vars);
                        if (c.phrasing()) {
                            continue;
                        }
                        if (!c.satisfiedBy(TextAnalyzer.analyze(hint), lang)) {
                            failures.add(s.id() + "/" + c.id() + " " + lang + ": " + hint);
                        }
                        if (risky.test(hint)) {
                            failures.add(s.id() + "/" + c.id() + " " + lang + " hint flagged by the phrasing engine: " + hint);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures.stream().distinct().limit(30).toList()));
    }

    @Test
    void everyCriterionHasEnglishPatternsAndBothLanguagesPassTheirOwnExamples() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Scenario s : drills.scenarios()) {
            for (Criterion c : s.rubric()) {
                if (c.phrasing()) {
                    continue;
                }
                assertTrue(!c.matchExamples(Lang.EN).isEmpty(), s.id() + "/" + c.id() + " has English examples");
                for (Lang lang : Lang.values()) {
                    for (String ex : c.matchExamples(lang)) {
                        checked++;
                        if (!c.satisfiedBy(TextAnalyzer.analyze(ex), lang)) {
                            failures.add(c.file() + ":" + c.examplesLine() + " " + c.id() + " " + lang + " should accept: " + ex);
                        }
                    }
                    for (String ex : c.noMatchExamples(lang)) {
                        checked++;
                        if (c.satisfiedBy(TextAnalyzer.analyze(ex), lang)) {
                            failures.add(c.file() + ":" + c.examplesLine() + " " + c.id() + " " + lang + " should reject: " + ex);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " examples fail:\n" + String.join("\n", failures));
    }

    @Test
    void everyReactionIsChosenByItsOwnExamplesInBothLanguages() {
        List<String> failures = new ArrayList<>();
        for (Scenario s : drills.scenarios()) {
            for (int i = 0; i < s.turnCount(); i++) {
                Turn t = s.turns().get(i);
                for (Reaction r : t.reactions()) {
                    for (Lang lang : Lang.values()) {
                        for (String ex : r.examples(lang)) {
                            Map<String, String> vars = s.pick(1, lang);
                            Assessment all = drills.scorer().assess(s.rubric(), ex, vars, lang);
                            Reaction got = t.reactionTo(all, all.only(t.expects()));
                            if (got != r) {
                                failures.add(s.id() + ":" + r.line() + " turn " + (i + 1) + " " + lang + " '" + ex + "' selects '" + got.id()
                                        + "', not '" + r.id() + "' " + all.criteria() + " slots " + all.slots() + (all.risky() ? " rude" : ""));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void everySlotExampleReadsExactlyItsValue() {
        Slots slots = drills.scorer().slots();
        List<String> failures = new ArrayList<>();
        for (Slots.Example e : slots.examples()) {
            String got = slots.read(e.reply(), e.lang()).get(e.slot());
            if (e.value() == null ? got != null : !e.value().equals(got)) {
                failures.add(Slots.FILE + ":" + e.line() + " " + e.slot() + " in '" + e.reply() + "': want " + e.value() + ", got " + got);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(slots.examples().size() >= 30, "slot examples: " + slots.examples().size());
    }

    @Test
    void negationCancelsACriterionWhateverTheWordOrder() {
        Scenario s = drills.scenario(Drills.COMPLAINT_SCENARIO).orElseThrow();
        for (String no : List.of("Извиняться не буду, всё сделано по договору.", "Мы не будем извиняться.",
                "We will not apologise.", "We won't apologise, the crew did its job.")) {
            assertEquals(false, drills.scorer().assess(s, no).criteria().get("apology"), no);
        }
        for (String yes : List.of("Извините, что не предупредили.", "Не переживайте, мы всё переделаем бесплатно. Простите нас.")) {
            assertEquals(true, drills.scorer().assess(s, yes).criteria().get("apology"), yes);
        }
    }

    @Test
    void contentFreeRepliesAreNotPoliteAndEnglishRepliesScoreLikeTheirRussianTwins() {
        Scenario s = drills.scenario("project-delay").orElseThrow();
        for (String empty : List.of("x", "Да, всё нормально, работаем", "Ок.", "Yes, all fine, working on it")) {
            Assessment a = drills.scorer().assess(s, empty);
            assertEquals(false, a.criteria().get("polite"), empty);
            assertEquals(0, a.score(), empty);
        }
        Scenario w = drills.scenario("waiting-for-answer").orElseThrow();
        for (String pleasantries : List.of("Спасибо большое за обращение, для нас это очень ценно! Мы всегда рады помочь. Хорошего дня!",
                "Thank you for your message! We always try to help. Have a great day!")) {
            Assessment a = drills.scorer().assess(w, pleasantries);
            assertEquals(false, a.criteria().get("acknowledge"), "courtesies do not count in a reply of pleasantries: " + pleasantries);
            assertEquals(false, a.criteria().get("polite"), pleasantries);
        }
        assertEquals(true, drills.scorer().assess(w, "Спасибо за запрос! Уточню у директора и отвечу завтра до 11:00.").criteria().get("acknowledge"));
        Scenario u = drills.scenario("unrealistic-deadline").orElseThrow();
        String ru = "Понимаю, как это важно. Честно: к четвергу весь тираж не успеем — нужно время на дизайн, согласование и печать, "
                + "реальный срок — семь рабочих дней. К четвергу можем сделать электронную версию.";
        String en = "I understand how important this is. Honestly, we cannot print the whole run by Thursday — design, approval and printing "
                + "take time; the realistic term is seven working days. By Thursday we can deliver an electronic version.";
        Assessment r = drills.scorer().assess(u, ru);
        Assessment e = drills.scorer().assess(u, en, Lang.EN);
        assertEquals(r.criteria(), e.criteria(), ru + "\n" + en);
        assertEquals(100, e.score(), e.criteria().toString());
    }

    @Test
    void promisingThursdayWhenTheRealTermIsLongerIsAnOverpromiseHedgedOrNot() {
        Scenario u = drills.scenario("unrealistic-deadline").orElseThrow();
        for (String over : List.of("Обещаю, что к четвергу всё будет готово.", "Постараемся успеть к четвергу.",
                "Сделаем всё возможное, чтобы успеть к четвергу.", "I promise it will all be ready by Thursday.")) {
            assertEquals(false, drills.scorer().assess(u, over).criteria().get("no_overpromise"), over);
        }
        assertEquals(true, drills.scorer().assess(u, "К четвергу весь тираж не успеем, реальный срок — неделя.").criteria().get("no_overpromise"));
    }
}
