package coach.drill;

import coach.kb.Principle;
import coach.match.PhraseSet;
import coach.text.Lang;
import coach.text.Token;
import java.util.List;

/**
 * One rubric criterion or quiz key point: true or false for one answer. It is either defined by phrase
 * patterns (the shared {@link coach.match.TokenPattern} language, with exceptions) or delegated to the
 * phrasing engine ({@code check: phrasing}: met when the engine finds nothing risky). Examples list answers
 * that satisfy ({@code match}) and do not satisfy ({@code no_match}) the criterion.
 *
 * @param absent       the criterion is met when its patterns are NOT found ("promises nothing unrealistic")
 * @param cap          when the criterion is missed the answer's score is at most this (or -1 for no cap)
 * @param quote        the guide's own words for this criterion (verified against the principle at load)
 * @param examplesLine the line of the criterion in its file, for test messages
 * @param phrasesEn    the English patterns ({@code en:} block), used for English replies; null when there are none
 * @param conversation the rubric counts it for the whole conversation: met in any turn is met for the drill's summary
 * @param courtesy     a courtesy (thanks for the request, «учтём») that does not count in a reply of pleasantries only
 */
record Criterion(
        String id,
        String nameRu,
        String nameEn,
        int weight,
        PhraseSet phrases,
        boolean absent,
        boolean phrasing,
        Principle principle,
        String quote,
        String hintRu,
        String hintEn,
        int cap,
        List<String> matchExamples,
        List<String> noMatchExamples,
        String file,
        int examplesLine,
        PhraseSet phrasesEn,
        List<String> matchExamplesEn,
        List<String> noMatchExamplesEn,
        boolean conversation,
        boolean courtesy) {

    String name(Lang lang) {
        return lang == Lang.EN && nameEn != null ? nameEn : nameRu;
    }

    String hint(Lang lang) {
        return lang == Lang.EN && hintEn != null ? hintEn : hintRu;
    }

    /** Pattern criteria only: whether the analysed text satisfies it. */
    boolean satisfiedBy(List<Token> tokens) {
        return phrases.matches(tokens) != absent;
    }

    /** A {@code check: phrasing} criterion: whether the scenario's own rude patterns are in the text (false when it has none). */
    boolean rudeBy(List<Token> tokens, Lang lang) {
        PhraseSet p = lang == Lang.EN && phrasesEn != null ? phrasesEn : phrases;
        return p != null && p.matches(tokens);
    }

    /** Pattern criteria only: the language's own patterns (English ones for English replies when the criterion has them). */
    boolean satisfiedBy(List<Token> tokens, Lang lang) {
        PhraseSet p = lang == Lang.EN && phrasesEn != null ? phrasesEn : phrases;
        return p.matches(tokens) != absent;
    }

    List<String> matchExamples(Lang lang) {
        return lang == Lang.EN ? matchExamplesEn : matchExamples;
    }

    List<String> noMatchExamples(Lang lang) {
        return lang == Lang.EN ? noMatchExamplesEn : noMatchExamples;
    }
}
