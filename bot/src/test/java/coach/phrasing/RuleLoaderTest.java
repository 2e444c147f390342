package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.text.Lang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed rule files stop the load with the file and the line an editor has to fix. */
class RuleLoaderTest {
    private static final String FILE = "rules/ru.yaml";

    private static final String GOOD_RULE = """
              - id: ru.rude.wait
                category: rude
                principle: principles.politeness
                patterns: ["< =ждите >"]
                explanation: "Приказ звучит грубо."
                replacements: ["Пожалуйста, ожидайте"]
                examples:
                  - incorrect: "Ждите ответа."
                    corrected: "Пожалуйста, ожидайте ответа."
                  - correct: "Ждём вас в четверг."
            """;

    private static ContentException fails(String yaml) {
        return assertThrows(ContentException.class, () -> RuleLoader.parse(TestKb.kb(), FILE, yaml, Lang.RU));
    }

    private static String file(String rules) {
        return "language: ru\nrules:\n" + rules;
    }

    @Test
    void aWellFormedRuleLoads() {
        List<Rule> rules = RuleLoader.parse(TestKb.kb(), FILE, file(GOOD_RULE), Lang.RU);
        assertEquals(1, rules.size());
        Rule r = rules.get(0);
        assertEquals("ru.rude.wait", r.id());
        assertEquals("Вежливость и уважение", r.principle().titleRu());
        assertEquals(3, r.line());
        assertEquals(2, r.examples().size());
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        ContentException e = fails(file(GOOD_RULE + "  - id: [unclosed\n"));
        assertEquals(FILE, e.file());
        assertEquals(13, e.line());
        assertTrue(e.getMessage().startsWith("knowledge-base/rules/ru.yaml:13: malformed YAML"), e.getMessage());
    }

    @Test
    void unknownPrincipleIsReportedAtItsLine() {
        ContentException e = fails(file(GOOD_RULE.replace("principles.politeness", "principles.no-such-thing")));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("unknown principle id 'principles.no-such-thing'"), e.getMessage());
    }

    @Test
    void brokenPatternIsReportedAtItsLine() {
        ContentException e = fails(file(GOOD_RULE.replace("\"< =ждите >\"", "\"< =ждите\"")));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("bad pattern") && e.getMessage().contains("'<' without a closing '>'"), e.getMessage());
    }

    @Test
    void duplicateIdFails() {
        ContentException e = fails(file(GOOD_RULE + GOOD_RULE));
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("duplicate rule id 'ru.rude.wait'"), e.getMessage());
    }

    @Test
    void ruleWithoutExamplesFails() {
        String noExamples = GOOD_RULE.substring(0, GOOD_RULE.indexOf("    examples:"));
        ContentException e = fails(file(noExamples));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("has no examples"), e.getMessage());
    }

    @Test
    void ruleWithOnlyCorrectExamplesFails() {
        String onlyCorrect = GOOD_RULE.replace("""
                      - incorrect: "Ждите ответа."
                        corrected: "Пожалуйста, ожидайте ответа."
                """, "");
        ContentException e = fails(file(onlyCorrect));
        assertTrue(e.getMessage().contains("at least one incorrect example"), e.getMessage());
        assertEquals(10, e.line());
    }

    @Test
    void aCorrectionWithoutItsIncorrectSentenceFails() {
        // an incorrect example without a correction is allowed (nothing may be offered for it); a correction alone is not
        ContentException e = fails(file(GOOD_RULE.replace("      - incorrect: \"Ждите ответа.\"\n        corrected:", "      - corrected:")));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("either {incorrect, corrected} or {correct}"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAnError() {
        ContentException e = fails(file(GOOD_RULE.replace("    explanation:", "    category: rude\n    explanation:")));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("the key 'category' is given twice"), e.getMessage());
    }

    @Test
    void misspelledFieldIsNotSilentlyIgnored() {
        ContentException e = fails(file(GOOD_RULE.replace("patterns:", "pattern:")));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("unknown field 'pattern'"), e.getMessage());
    }

    @Test
    void idMustNameLanguageAndCategory() {
        ContentException e = fails(file(GOOD_RULE.replace("id: ru.rude.wait", "id: en.rude.wait")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("must look like 'ru.rude.some-name'"), e.getMessage());
        e = fails(file(GOOD_RULE.replace("category: rude", "category: grumpy")));
        assertEquals(4, e.line());
    }

    @Test
    void unknownExceptionSetAndWrongLanguageFail() {
        ContentException e = fails(file(GOOD_RULE.replace("    explanation:", "    exceptions: [\"@nope\"]\n    explanation:")));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("unknown exception set '@nope'"), e.getMessage());
        e = fails("language: en\nrules:\n" + GOOD_RULE);
        assertEquals(1, e.line());
    }

    @Test
    void jargonTermNeedsSomePlainWording() {
        ContentException e = fails(slaTerm(""));
        assertEquals(18, e.line());
        assertTrue(e.getMessage().contains("needs 'forms', 'plain' or 'explain'"), e.getMessage());
    }

    /** The good rule and a jargon dictionary with one term, SLA, with {@code plainLine} (a field, or "") after its patterns. */
    private static String slaTerm(String plainLine) {
        return file(GOOD_RULE) + """
            jargon:
              principle: principles.clarity
              explanation_plain: "«{term}» — жаргон: {plain}."
              explanation_explain: "«{term}» — поясните: {explain}."
              terms:
                - id: sla
                  term: SLA
                  patterns: ["=sla"]
            """ + (plainLine.isEmpty() ? "" : "      " + plainLine + "\n") + """
                  examples:
                    - incorrect: "SLA не нарушен."
                      corrected: "Срок ответа не нарушен."
                    - correct: "Срок ответа не нарушен."
            """;
    }

    @Test
    void everyTermsDerivedExceptionsCompileAndStillExcuseAnExplainedTerm() {
        // compiled on a term's first match, not at load: every one of them must compile for every term of the knowledge base
        int terms = 0;
        for (List<Rule> rules : RuleLoader.parse(TestKb.source()).values()) {
            for (Rule r : rules) {
                if (r.jargon() != null) {
                    assertTrue(r.phrases().laterExceptions().size() >= 30 * r.patterns().size(), r.id());
                    terms++;
                }
            }
        }
        assertTrue(terms > 300, "terms: " + terms);
        // and they still do their work: a term explained in brackets right after it is no finding
        Rule sla = RuleLoader.parse(TestKb.kb(), FILE, slaTerm("plain: срок ответа"), Lang.RU).get(1);
        assertEquals(1, sla.phrases().findAll(coach.text.TextAnalyzer.analyze("SLA не нарушен.")).size());
        assertEquals(0, sla.phrases().findAll(coach.text.TextAnalyzer.analyze("SLA (срок ответа по договору) не нарушен.")).size());
        assertEquals(0, sla.phrases().findAll(coach.text.TextAnalyzer.analyze("У нас это называется SLA.")).size());
    }

    @Test
    void theEngineRefusesToStartOnABrokenFileInAnEditorsDirectory(@TempDir Path dir) throws IOException {
        copyTree(TestKb.dir(), dir);
        Path ru = dir.resolve("rules/ru.yaml");
        String text = Files.readString(ru);
        Files.writeString(ru, text.replaceFirst("principle: principles.politeness", "principle: principles.nope"));
        KnowledgeBase kb = KnowledgeBase.load(ContentSource.directory(dir));
        ContentException e = assertThrows(ContentException.class, () -> PhrasingEngine.load(kb));
        assertEquals("rules/ru.yaml", e.file());
        assertTrue(e.line() > 0);
        Files.writeString(ru, text);
        Files.delete(dir.resolve("rules/en.yaml"));
        e = assertThrows(ContentException.class, () -> PhrasingEngine.load(KnowledgeBase.load(ContentSource.directory(dir))));
        assertEquals("rules/en.yaml", e.file());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
