package coach.phrasing;

/**
 * One risky fragment of a checked text.
 *
 * @param rule        the rule id, e.g. {@code ru.deflect.not-our-problem}; {@code tone.<lang>.<category>}
 *                    for the tone model, {@code <lang>.insult.profanity} for the word list
 * @param category    deflect, blame, refuse, dismiss, rude, vague, overpromise, jargon, pressure,
 *                    sarcasm, informal or insult
 * @param start       offset of the fragment's first UTF-16 unit in the checked text
 * @param end         offset after its last UTF-16 unit
 * @param fragment    the fragment as written ({@code text.substring(start, end)})
 * @param principleId the id of the guide's principle it breaks
 * @param principle   that principle's title as in the guide (Russian)
 * @param why         a short explanation in the text's language
 * @param source      {@code rule} (a phrasing rule or the word list, precise span) or {@code model}
 *                    (the tone classifier, a whole sentence)
 * @param confidence  for the model, its probability that the sentence is risky; null for rules
 * @param rewritable  whether the suggestions rewrite this fragment (false: the report gives guidance only)
 */
public record Finding(String rule, String category, int start, int end, String fragment, String principleId, String principle, String why,
        String source, Double confidence, boolean rewritable) {
    public static final String RULE = "rule";
    public static final String MODEL = "model";

    /** A rule's finding. */
    public Finding(String rule, String category, int start, int end, String fragment, String principleId, String principle, String why) {
        this(rule, category, start, end, fragment, principleId, principle, why, RULE, null, true);
    }
}
