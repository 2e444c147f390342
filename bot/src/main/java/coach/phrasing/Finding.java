package coach.phrasing;

/**
 * One risky fragment of a checked text.
 *
 * @param rule        the rule id, e.g. {@code ru.deflect.not-our-problem}
 * @param category    deflect, blame, refuse, dismiss, rude, vague, overpromise or jargon
 * @param start       offset of the fragment's first UTF-16 unit in the checked text
 * @param end         offset after its last UTF-16 unit
 * @param fragment    the fragment as written ({@code text.substring(start, end)})
 * @param principleId the id of the guide's principle it breaks
 * @param principle   that principle's title as in the guide (Russian)
 * @param why         a short explanation in the text's language
 */
public record Finding(String rule, String category, int start, int end, String fragment, String principleId, String principle, String why) {
}
