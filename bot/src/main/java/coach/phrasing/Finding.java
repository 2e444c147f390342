package coach.phrasing;

/**
 * One risky fragment of a checked text, with everything the report needs.
 *
 * @param rule        the rule id, e.g. {@code ru.deflect.not-our-problem} (a model finding: {@code model.<category>})
 * @param category    deflect, blame, refuse, dismiss, rude, vague, overpromise, jargon, …
 * @param start       offset of the fragment's first UTF-16 unit in the checked text
 * @param end         offset after its last UTF-16 unit
 * @param fragment    the fragment as written ({@code text.substring(start, end)})
 * @param principleId the id of the guide's principle it breaks
 * @param principle   that principle's title in the text's language
 * @param why         a short explanation in the text's language
 * @param rewritable  whether a verified rewrite of its sentence exists (the suggestions carry it); when false the
 *                    sentence is to be rephrased by hand
 * @param say         what to say instead of the fragment, as the rule's first option ("" = simply leave it out), or
 *                    null when there is no ready phrase
 * @param source      {@code rule} or {@code model}
 * @param confidence  the model's confidence (0–1); NaN for rule findings
 */
public record Finding(String rule, String category, int start, int end, String fragment, String principleId, String principle,
        String why, boolean rewritable, String say, String source, double confidence) {

    public static final String RULE = "rule";
    public static final String MODEL = "model";

    /** The same finding with its rewritability decided. */
    Finding withRewritable(boolean r) {
        return new Finding(rule, category, start, end, fragment, principleId, principle, why, r, say, source, confidence);
    }
}
