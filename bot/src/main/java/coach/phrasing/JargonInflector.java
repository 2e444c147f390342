package coach.phrasing;

import coach.text.Normalizer;
import coach.text.morph.Case;
import coach.text.morph.GrammaticalNumber;
import coach.text.morph.Morphology;
import coach.text.morph.Reading;
import java.util.List;
import java.util.Optional;

/**
 * Puts a jargon term's plain word into the form the term had: «фичу» → «функцию», «в следующем спринте» →
 * «в следующем рабочем цикле», «зарелизим» → «выпустим». The plain side is written once, as a lemma (a noun phrase
 * in the nominative, a verb in the infinitive); the morphology reads the term's case and number, or its verb form,
 * and synthesises the same for the plain word. Empty when the term's form cannot be read with confidence: the
 * caller falls back to an explicit form or to an explanation.
 */
final class JargonInflector {
    private JargonInflector() {
    }

    /**
     * Answers by written form, term and plain word: a message's jargon hit is asked for its replacement and its reason
     * several times per check, each a dictionary analysis and synthesis (pure functions of the three strings).
     */
    private static final coach.text.morph.BoundedCache<Optional<String>> INFLECTED = new coach.text.morph.BoundedCache<>(4096);
    private static final coach.text.morph.BoundedCache<Boolean> AMBIGUOUS = new coach.text.morph.BoundedCache<>(4096);

    private static String key(String written, String termLemma, String plain) {
        return written + '\u0001' + termLemma + '\u0001' + plain;
    }

    /** The plain replacement for one written form of the term, or empty. */
    static Optional<String> inflect(String written, String termLemma, String plain) {
        String k = key(written, termLemma, plain);
        Optional<String> known = INFLECTED.get(k);
        if (known == null) {
            known = inflectNow(written, termLemma, plain);
            INFLECTED.put(k, known);
        }
        return known;
    }

    private static Optional<String> inflectNow(String written, String termLemma, String plain) {
        // one written word, hyphenated ones too («шорт-листа»: the lexicon reads it); not a phrase
        if (written.indexOf(' ') >= 0 || plain.isBlank()) {
            return Optional.empty();
        }
        Morphology m = Morphology.russian();
        List<Reading> readings = common(m.analyze(written));
        String term = Normalizer.norm(termLemma);
        Reading r = null;
        for (Reading x : readings) {
            if (Normalizer.norm(x.lemma()).equals(term) && (x.isNoun() || x.isVerb())) {
                r = x;
                break;
            }
        }
        if (r == null) {
            for (Reading x : readings) {
                if (x.isNoun() || x.isVerb()) {
                    if (r != null && !sameForm(r, x)) {
                        return Optional.empty(); // ambiguous and none is the term's own lemma
                    }
                    r = x;
                }
            }
        }
        if (r == null) {
            return Optional.empty();
        }
        if (r.isNoun()) {
            // «митинг» is a nominative or an accusative: a plain word whose two forms differ («встреча»/«встречу») is
            // only given when every reading of the term asks for the same form
            Optional<String> first = noun(m, plain, r);
            for (Reading x : readings) {
                if (x.isNoun() && x.lemma().equals(r.lemma()) && !noun(m, plain, x).equals(first)) {
                    return Optional.empty();
                }
            }
        }
        String out;
        if (r.isNoun()) {
            Case c = r.grammaticalCase();
            if (c == null) {
                return Optional.empty();
            }
            if (c.base() == Case.NOM && r.number() != GrammaticalNumber.PLUR) {
                out = plain;
            } else {
                Optional<String> p = m.phrases().inflect(plain, Case.NOM, c.base(), r.number());
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                out = p.get();
            }
        } else {
            String[] words = plain.strip().split("\\s+");
            Optional<String> v = verbLike(m, words[0], r);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder b = new StringBuilder(v.get());
            for (int i = 1; i < words.length; i++) {
                b.append(' ').append(words[i]);
            }
            out = b.toString();
        }
        return Optional.of(Character.isUpperCase(written.charAt(0)) ? Rewriter.capitalise(out) : out);
    }

    /** Whether the written term is a noun form whose readings ask for different forms of the plain word. */
    static boolean ambiguous(String written, String termLemma, String plain) {
        String k = key(written, termLemma, plain);
        Boolean known = AMBIGUOUS.get(k);
        if (known == null) {
            known = ambiguousNow(written, termLemma, plain);
            AMBIGUOUS.put(k, known);
        }
        return known;
    }

    private static boolean ambiguousNow(String written, String termLemma, String plain) {
        if (written.indexOf(' ') >= 0 || plain.isBlank()) {
            return false;
        }
        Morphology m = Morphology.russian();
        String term = Normalizer.norm(termLemma);
        Optional<String> first = null;
        for (Reading x : common(m.analyze(written))) {
            if (!x.isNoun() || !Normalizer.norm(x.lemma()).equals(term)) {
                continue;
            }
            Optional<String> f = noun(m, plain, x);
            if (first == null) {
                first = f;
            } else if (!first.equals(f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The readings without proper names when a common word reads the form too: «райдер» is also a surname and a
     * first name in the dictionary, which says nothing about the case of the term.
     */
    static List<Reading> common(List<Reading> readings) {
        boolean common = false;
        for (Reading x : readings) {
            common |= (x.isNoun() || x.isVerb()) && !properName(x);
        }
        if (!common) {
            return readings;
        }
        List<Reading> out = new java.util.ArrayList<>(readings.size());
        for (Reading x : readings) {
            if (!properName(x)) {
                out.add(x);
            }
        }
        return out;
    }

    private static boolean properName(Reading r) {
        return r.isNoun() && (r.has("Name") || r.has("Fam") || r.has("Patr"));
    }

    /** The plain noun phrase in the case and number of one reading of the term. */
    private static Optional<String> noun(Morphology m, String plain, Reading r) {
        Case c = r.grammaticalCase();
        if (c == null) {
            return Optional.empty();
        }
        if (c.base() == Case.NOM && r.number() != GrammaticalNumber.PLUR) {
            return Optional.of(plain);
        }
        return m.phrases().inflect(plain, Case.NOM, c.base(), r.number());
    }

    private static boolean sameForm(Reading a, Reading b) {
        return a.lemma().equals(b.lemma()) && a.grammaticalCase() == b.grammaticalCase() && a.number() == b.number();
    }

    /** The plain verb in the term's form: its tag as it is, or with the plain verb's own aspect and transitivity. */
    private static Optional<String> verbLike(Morphology m, String plainLemma, Reading term) {
        List<String> forms = m.synthesize(plainLemma, term.tag());
        if (!forms.isEmpty()) {
            return Optional.of(forms.get(0));
        }
        String[] f = term.tag().split(":");
        for (String trans : new String[] {"TRANS", "INTR"}) {
            for (String aspect : new String[] {"PFV", "IMPFV"}) {
                StringBuilder t = new StringBuilder();
                for (int i = 0; i < f.length; i++) {
                    String x = f[i];
                    if (x.equals("TRANS") || x.equals("INTR")) {
                        x = trans;
                    } else if (x.equals("PFV") || x.equals("IMPFV")) {
                        x = aspect;
                    }
                    t.append(i == 0 ? "" : ":").append(x);
                }
                List<String> fs = m.synthesize(plainLemma, t.toString());
                if (!fs.isEmpty()) {
                    return Optional.of(fs.get(0));
                }
            }
        }
        return Optional.empty();
    }
}
