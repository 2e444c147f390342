package coach.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed scenario and quiz files fail loading with a ContentException naming the file and the line. */
class ScenarioLoaderTest {
    static final String COMPLAINT = "scenarios/dissatisfied-client.yaml";

    @TempDir
    Path dir;

    /** Copies the real knowledge base, applies one edit to one file and loads the drills. */
    private ContentException broken(String file, String from, String to) throws IOException {
        copyKb();
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), "test setup: '" + from + "' is in " + file);
        Files.writeString(p, text.replace(from, to));
        return assertThrows(ContentException.class, this::load);
    }

    private void copyKb() throws IOException {
        Path src = TestKb.dir();
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : all.toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Drills load() {
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(dir));
        return Drills.load(kb, t -> false);
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private int lineIn(String file, String needle) throws IOException {
        return lineOf(Files.readString(dir.resolve(file)), needle);
    }

    @Test
    void theRealContentLoads() throws IOException {
        copyKb();
        assertTrue(load().scenarios().size() >= 6);
    }

    @Test
    void brokenYamlNamesFileAndLine() throws IOException {
        ContentException e = broken(COMPLAINT, "title_en: \"A client", "title_en: [\"A client");
        assertEquals("scenarios/dissatisfied-client.yaml", e.file());
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith("knowledge-base/scenarios/dissatisfied-client.yaml:"), e.getMessage());
    }

    @Test
    void unknownPrincipleInACriterionPointsAtItsLine() throws IOException {
        ContentException e = broken(COMPLAINT, "principle: complaints.listening", "principle: complaints.listenin");
        assertEquals(lineIn(COMPLAINT, "principle: complaints.listenin"), e.line());
        assertTrue(e.getMessage().contains("complaints.listenin"), e.getMessage());
    }

    @Test
    void aPatternThatDoesNotCompilePointsAtThePattern() throws IOException {
        ContentException e = broken(COMPLAINT, "- \"@apologise\"", "- \"..2 @apologise\"");
        assertEquals(lineIn(COMPLAINT, "- \"..2 @apologise\""), e.line());
        assertTrue(e.getMessage().contains("bad pattern"), e.getMessage());
    }

    @Test
    void unknownWordClassAndExactPrefixMixAreRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "- \"@apologise\"", "- \"@apologize\"");
        assertTrue(e.getMessage().contains("@apologize"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "- \"@apologize\""), e.line());
    }

    @Test
    void exactAndPrefixInOneAlternativeIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "- \"за наш счет\"", "- \"за наш =счет*\"");
        assertTrue(e.getMessage().contains("=счет*"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "=счет*"), e.line());
    }

    @Test
    void undeclaredVariableIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "заказ № {{order_number}}. Я крайне", "заказ № {{order_id}}. Я крайне");
        assertTrue(e.getMessage().contains("{{order_id}}"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "{{order_id}}"), e.line());
    }

    @Test
    void aTypoInAFieldNameIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "    hint_ru: \"Приносим извинения", "    hint_ry: \"Приносим извинения");
        assertTrue(e.getMessage().contains("unknown field 'hint_ry'"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "hint_ry"), e.line());
    }

    @Test
    void aTurnExpectingAnUnknownCriterionIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "expects: [apology, empathy, clarify, polite]", "expects: [apology, empathy, clarification, polite]");
        assertTrue(e.getMessage().contains("clarification"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "clarification"), e.line());
    }

    @Test
    void aQuoteThatIsNotTheGuidesWordsIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "quote: \"лучше сразу принести извинения и предложить решение\"", "quote: \"извиняйтесь всегда\"");
        assertTrue(e.getMessage().contains("not in the guide"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "извиняйтесь всегда"), e.line());
    }

    @Test
    void idMustMatchTheFileName() throws IOException {
        ContentException e = broken(COMPLAINT, "id: dissatisfied-client", "id: unhappy-client");
        assertTrue(e.getMessage().contains("file name"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "id: unhappy-client"), e.line(), e.getMessage());
    }

    @Test
    void tooFewTurnsAreRejected() throws IOException {
        copyKb();
        Path p = dir.resolve("scenarios/project-delay.yaml");
        String text = Files.readString(p);
        Files.writeString(p, text.substring(0, text.indexOf("  - expects: [apology, options")));
        ContentException e = assertThrows(ContentException.class, this::load);
        assertTrue(e.getMessage().contains("2 to 4 turns"), e.getMessage());
    }

    @Test
    void theComplaintScenarioIsRequired() throws IOException {
        copyKb();
        Files.delete(dir.resolve(COMPLAINT));
        ContentException e = assertThrows(ContentException.class, this::load);
        assertTrue(e.getMessage().contains("dissatisfied-client"), e.getMessage());
    }

    @Test
    void quizQuestionsMustBeTheGuidesOwnWords() throws IOException {
        ContentException e = broken("quiz.yaml", "question: \"Как правильно управлять ожиданиями", "question: \"Как управлять ожиданиями");
        assertEquals("quiz.yaml", e.file());
        assertEquals(lineIn("quiz.yaml", "question: \"Как управлять ожиданиями"), e.line());
    }

    @Test
    void aReactionQuotingASlotItDoesNotRequireIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "        when: {met: [solution], has: [day]}\n        ru: \"Хорошо, {{day}} подходит.",
                "        when: {met: [solution]}\n        ru: \"Хорошо, {{day}} подходит.");
        assertTrue(e.getMessage().contains("{{day}}"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "Хорошо, {{day}} подходит."), e.line());
    }

    @Test
    void aReactionWithoutConditionBeforeTheLastIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "      - id: asked\n        when: {met: [clarify]}\n", "      - id: asked\n");
        assertTrue(e.getMessage().contains("only the last reaction"), e.getMessage());
    }

    @Test
    void anUnknownSlotOrCriterionInAConditionIsRejected() throws IOException {
        ContentException e = broken(COMPLAINT, "when: {met: [solution], has: [day]}", "when: {met: [solution], has: [weekday]}");
        assertTrue(e.getMessage().contains("unknown slot 'weekday'"), e.getMessage());
        assertEquals(lineIn(COMPLAINT, "has: [weekday]"), e.line());
    }

    @Test
    void aCriterionWithoutEnglishPatternsIsRejected() throws IOException {
        copyKb();
        Path p = dir.resolve(COMPLAINT);
        String text = Files.readString(p);
        int from = text.indexOf("    en:\n      patterns:\n        - \"sorry|apolog*");
        int to = text.indexOf("  - id: empathy");
        Files.writeString(p, text.substring(0, from) + "\n" + text.substring(to));
        ContentException e = assertThrows(ContentException.class, this::load);
        assertTrue(e.getMessage().contains("'en:' block"), e.getMessage());
    }

    @Test
    void linkedFactsMustBeGivenForEveryValue() throws IOException {
        ContentException e = broken("scenarios/unrealistic-deadline.yaml",
                "    - {ru: \"неделя\", en: \"a week\", real_term_acc: {ru: \"неделю\", en: \"a week\"}}",
                "    - {ru: \"неделя\", en: \"a week\"}");
        assertTrue(e.getMessage().contains("real_term_acc"), e.getMessage());
    }

    @Test
    void aBrokenSlotPatternPointsAtItsLine() throws IOException {
        ContentException e = broken("drill-slots.yaml", "      - \"=до|=к|=в|=после|=около|=с # : #\"", "      - \"=до|=к < # : #\"");
        assertTrue(e.getMessage().contains("bad pattern"), e.getMessage());
        assertEquals(lineIn("drill-slots.yaml", "=до|=к < # : #"), e.line());
    }
}
