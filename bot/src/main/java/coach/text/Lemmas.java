package coach.text;

import coach.text.morph.Morphology;
import java.util.HashSet;
import java.util.Set;

/**
 * Dictionary forms of a word, for patterns that match by lemma ({@code ~идти} finds «шёл», «пойдёте»), normalised
 * like every pattern word (lower case, ё→е). Russian words come from the morphology; other words and words it does
 * not know stand for themselves.
 */
public final class Lemmas {
    private Lemmas() {
    }

    /** The fields of each tag a pattern asks for, split once: patterns test them on every token. Never modified. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether every reading of a normalised word form has every field of {@code fields} ("VB:IMP", "NN:D"): a word
     * that can also be read otherwise does not count — «день» (also «деть»'s imperative) is no imperative, «пришли»
     * (also «прийти»'s past) no «ты» form. Unknown words have no tag.
     */
    public static boolean hasTag(String norm, String fields) {
        if (norm.isEmpty() || !Lang.isCyrillic(norm.charAt(0))) {
            return false;
        }
        java.util.List<coach.text.morph.Reading> rs = Morphology.russian().analyze(norm);
        if (rs.isEmpty()) {
            return false;
        }
        String[] want = FIELDS.computeIfAbsent(fields, f -> f.split(":"));
        for (coach.text.morph.Reading r : rs) {
            for (String w : want) {
                if (!r.pos().equals(w) && !r.has(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The lemmas of a normalised word form; never empty. */
    public static Set<String> of(String norm) {
        if (norm.isEmpty() || !Lang.isCyrillic(norm.charAt(0))) {
            return Set.of(norm);
        }
        Set<String> ls = Morphology.russian().lemmas(norm);
        if (ls.isEmpty()) {
            return Set.of(norm);
        }
        boolean clean = true;
        for (String l : ls) {
            if (l.indexOf('ё') >= 0 || !l.equals(l.toLowerCase(java.util.Locale.ROOT))) {
                clean = false;
                break;
            }
        }
        if (clean) {
            return ls;
        }
        Set<String> out = new HashSet<>();
        for (String l : ls) {
            out.add(Normalizer.norm(l));
        }
        return out;
    }
}
