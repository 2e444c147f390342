package coach.match;

import coach.text.Lang;
import coach.text.Word;
import coach.text.morph.Morphology;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain word of a pattern means the forms of its stem that are forms of the same word: Snowball gives «простите»
 * and «просто», «жаль» and «жалуйтесь», «договору» and «договорились», «вместе» and «вместо» one stem, so an
 * exception «извин*|простите» silenced a rule on every sentence with «просто». A token whose stem matches is taken
 * when it shares a dictionary lemma with the pattern's word, or when the dictionary does not know one of the two
 * (then the stem alone decides, as before; a reflexive verb counts as its verb); a word written as its own stem («мо», «наш») still means the stem.
 * Russian words only: English stems have no such dictionary.
 */
final class SameLemma {
    private SameLemma() {
    }

    /** Dictionary lemmas of pattern words, by normalised word (a few thousand distinct words). */
    private static final ConcurrentHashMap<String, Set<String>> OF_PATTERN_WORD = new ConcurrentHashMap<>();
    /** Dictionary lemmas of a token's word form, derived once per form. */
    private static final Word.Derived<Set<String>> OF_TOKEN = new Word.Derived<>(w -> lemmas(w.norm()));

    /**
     * The dictionary lemmas of a form, a reflexive verb as its verb: «вернули» and «вернулись», «задерживаем» and
     * «задерживается» stay one word, as rule files have always meant them.
     */
    private static Set<String> lemmas(String norm) {
        Set<String> ls = Morphology.russian().lemmas(norm);
        if (ls.isEmpty()) {
            return ls;
        }
        Set<String> out = new java.util.HashSet<>();
        for (String l : ls) {
            out.add(l.length() > 4 && (l.endsWith("ся") || l.endsWith("сь")) ? l.substring(0, l.length() - 2) : l);
        }
        return Set.copyOf(out);
    }

    /**
     * Whether a pattern word is checked for its lemma at all: Cyrillic words written as a whole word. A word that is
     * its own stem («мо|наш компетенц*», «вид») is taken to mean the stem, as rule files have long written it.
     */
    static boolean checks(String norm, String stem) {
        return !norm.isEmpty() && Lang.isCyrillic(norm.charAt(0)) && !norm.equals(stem);
    }

    /** Whether a token whose stem equals the stem of {@code patternWord} is a form of the same word. */
    static boolean of(String patternWord, Word token) {
        if (patternWord.equals(token.norm())) {
            return true;
        }
        Set<String> mine = OF_PATTERN_WORD.computeIfAbsent(patternWord, SameLemma::lemmas);
        if (mine.isEmpty()) {
            return true;
        }
        Set<String> theirs = token.get(OF_TOKEN);
        if (theirs.isEmpty()) {
            return true;
        }
        for (String l : theirs) {
            if (mine.contains(l)) {
                return true;
            }
        }
        return false;
    }
}
