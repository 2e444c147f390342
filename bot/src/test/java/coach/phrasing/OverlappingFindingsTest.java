package coach.phrasing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sendable or nothing when findings overlap, on rules written for the test: a version is offered only when every
 * finding is fixed by a rewrite that covers its span. A detect-only rule ({@code replacements: []}) whose match holds
 * a shorter rewritable match, or reaches past one, leaves its sentence without a version; the shorter rule's text must
 * not be put over the longer span («We guarantee your visa will be approved.» → «We expect that.» lost the visa).
 */
class OverlappingFindingsTest {
    private static PhrasingEngine engine;

    private static final String RULES = """
            language: en
            default_scope: fragment
            rules:
              - id: en.overpromise.approval
                category: overpromise
                principle: expectations.realistic-promises
                patterns: ["< {we|I} {guarantee|promise} ..5 {will|'ll} ..1 {be approved|be granted} >"]
                explanation: "A promise about what others decide."
                replacements: []
                examples:
                  - incorrect: "We guarantee your visa will be approved."
                  - correct: "Your visa application was filed on Monday."
              - id: en.overpromise.promise
                category: overpromise
                principle: expectations.realistic-promises
                patterns: ["^ < {I|we} {promise|guarantee} that? > the|your|it"]
                explanation: "An absolute promise."
                replacements: ["we expect that"]
                examples:
                  - incorrect: "We guarantee the parcel will arrive on Monday."
                    corrected: "We expect that the parcel will arrive on Monday."
                  - correct: "We expect the parcel on Monday."
              - id: en.dismiss.just-wait
                category: dismiss
                principle: expectations.realistic-promises
                patterns: ["< just wait >"]
                explanation: "Brushes the client off."
                replacements: ["please bear with us"]
                examples:
                  - incorrect: "Just wait a little."
                    corrected: "Please bear with us a little."
                  - correct: "Thank you for waiting."
              - id: en.vague.until-some-day
                category: vague
                principle: expectations.realistic-promises
                patterns: ["< wait until {monday|friday|next week} >"]
                explanation: "Puts the client off to a day with nothing promised for it."
                replacements: []
                examples:
                  - incorrect: "You will have to wait until Friday."
                  - correct: "The courier comes on Friday before noon."
              - id: en.refuse.no-exceptions-tag
                category: refuse
                principle: expectations.flexibility
                patterns: ["< , no exceptions > $"]
                explanation: "Closes the conversation."
                replacements: [""]
                examples:
                  - incorrect: "We refund 50 EUR on the same day, no exceptions."
                    corrected: "We refund 50 EUR on the same day."
                  - correct: "There are no exceptions listed in the contract."
              - id: en.overpromise.no-exceptions
                category: overpromise
                principle: expectations.realistic-promises
                patterns: ["< no exceptions >"]
                explanation: "An absolute promise."
                replacements: ["|| If anything comes up, we will let you know at once"]
                examples:
                  - incorrect: "No exceptions."
                  - correct: "Exceptions are listed in the contract."
            """;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        TestKb.copyTo(dir);
        Files.writeString(dir.resolve("rules/en.yaml"), RULES);
        try (var extra = Files.list(dir.resolve("rules"))) {
            for (Path p : extra.filter(p -> p.getFileName().toString().startsWith("en-")).toList()) {
                Files.delete(p); // only the rules written here
            }
        }
        engine = PhrasingEngine.rulesOnly(KnowledgeBase.load(ContentSource.directory(dir)));
    }

    @Test
    void theShorterRuleAloneStillRewrites() {
        CheckResult r = engine.check("We guarantee the parcel will arrive on Monday.");
        assertEquals(List.of("en.overpromise.promise"), r.findings().stream().map(Finding::rule).toList());
        assertEquals("We expect that the parcel will arrive on Monday.", r.suggestions().get(0));
    }

    @Test
    void aDetectOnlyMatchHoldingARewritableOneIsNotRewritten() {
        CheckResult r = engine.check("We guarantee your visa will be approved.");
        assertEquals(List.of("en.overpromise.approval"), r.findings().stream().map(Finding::rule).toList());
        assertFalse(r.findings().get(0).rewritable(), r.toString());
        assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        assertTrue(r.partial().isEmpty(), r.partial().toString());
    }

    @Test
    void theOtherSentencesAreStillRewrittenButTheMessageIsOnlyAHeadStart() {
        CheckResult r = engine.check("Dear Ms. Lang, just wait a little. I promise your visa will be granted by May 3.");
        assertEquals(List.of(true, false), r.findings().stream().map(Finding::rewritable).toList(), r.toString());
        assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        // the head start keeps the unrewritable sentence as it was, every word of it
        assertEquals("Dear Ms. Lang, please bear with us a little. I promise your visa will be granted by May 3.", r.partial().get(0));
    }

    @Test
    void aDetectOnlyMatchReachingPastARewriteBlocksIt() {
        // «just wait» would become «please bear with us», and «wait until Friday» would vanish without being fixed
        CheckResult r = engine.check("Just wait until Friday.");
        assertTrue(r.risky());
        assertFalse(r.findings().get(0).rewritable(), r.toString());
        assertTrue(r.suggestions().isEmpty(), r.suggestions().toString());
        assertEquals("Please bear with us a little.", engine.check("Just wait a little.").suggestions().get(0));
    }

    @Test
    void aRuleMatchingTheSameWordsStaysARealAlternative() {
        // «, no exceptions» and «no exceptions»: the shorter rule's rewrite replaces the same words, so it is offered second
        assertEquals(List.of("We refund 50 EUR on the same day.", "We refund 50 EUR on the same day. If anything comes up, we will let you know at once."),
                engine.check("We refund 50 EUR on the same day, no exceptions.").suggestions());
    }
}
