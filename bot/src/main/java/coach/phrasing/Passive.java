package coach.phrasing;

import coach.text.Segments.Segment;
import coach.text.Token;
import coach.text.morph.Case;
import coach.text.morph.GrammaticalNumber;
import coach.text.morph.Morphology;
import coach.text.morph.Reading;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * States what happened without pointing at the client: «вы неправильно заполнили заявку № 305» → «заявка № 305 была
 * неправильно заполнена», «потому что вы задержали оплату на 12 дней» → «потому что оплата была задержана на 12 дней»,
 * «документы вы принесли в последний день» → «документы были принесены в последний день».
 *
 * <p>The object of the verb becomes its subject and the verb a short passive participle agreeing with it, all through the
 * morphology. Particles of reproach between «вы» and the verb («сами», «же», «опять») go. Gives nothing when the verb has
 * no object to turn («вы опоздали»), is not a transitive past form, or the morphology is unsure.
 */
final class Passive {
    /** Words between «вы» and the verb that only add reproach: dropped. */
    private static final Set<String> REPROACH = Set.of("сами", "сам", "сама", "же", "ведь", "опять", "снова", "и", "ещё", "еще", "так",
            "вот", "ж", "всё-таки", "все-таки");
    /** At most this many words between «вы» and the verb. */
    private static final int GAP = 3;

    private Passive() {
    }

    /** The edit that turns the clause of «вы» in the match into the passive, or empty. */
    static Optional<Rewriter.Edit> edit(String text, List<Token> tokens, Segment sen, coach.match.Match m) {
        Morphology morph = Morphology.russian();
        int vy = -1;
        for (int i = Math.max(sen.fromToken(), m.fromToken()); i < Math.min(sen.toToken(), m.toToken() + GAP + 1); i++) {
            if (tokens.get(i).norm().equals("вы")) {
                vy = i;
                break;
            }
        }
        if (vy < 0) {
            return Optional.empty();
        }
        if (vy > sen.fromToken() && (vy + 1 >= sen.toToken() || !tokens.get(vy + 1).isWord())) {
            Optional<Rewriter.Edit> inverted = inverted(text, tokens, sen, vy, morph);
            if (inverted.isPresent()) {
                return inverted;
            }
        }
        // the verb: the first word after «вы» that is a transitive past plural, with at most GAP words between
        int verb = -1;
        Reading vr = null;
        boolean negated = false;
        StringBuilder kept = new StringBuilder();
        for (int i = vy + 1; i < sen.toToken() && i <= vy + GAP + 1; i++) {
            Token t = tokens.get(i);
            if (!t.isWord() && t.kind() != Token.Kind.NUMBER) {
                return Optional.empty();
            }
            vr = transitivePast(morph.analyze(t.norm()));
            if (vr != null) {
                verb = i;
                break;
            }
            if (t.norm().equals("не")) {
                negated = true;
            } else if (!REPROACH.contains(t.norm())) {
                kept.append(kept.length() == 0 ? "" : " ").append(t.text());
            }
        }
        if (verb < 0) {
            return Optional.empty();
        }
        // the object: a noun phrase in the accusative right after the verb, or right before «вы» («документы вы принесли»)
        int[] after = objectAt(tokens, sen, verb + 1, morph);
        int[] before = after == null ? objectBefore(tokens, sen, vy, morph) : null;
        int[] obj = after != null ? after : before;
        if (obj == null) {
            return Optional.empty();
        }
        Optional<Parts> parts = parts(text, tokens, obj, vr, morph);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String was = parts.get().was();
        String objWords = parts.get().subject();
        String participle = parts.get().participle();
        String neg = negated ? "не " : "";
        String mid = kept.length() == 0 ? "" : kept + " ";
        int start;
        int end;
        String r;
        if (after != null) {
            start = tokens.get(vy).start();
            end = tokens.get(obj[1] - 1).end();
            boolean modified = obj[2] - obj[0] > 1;
            r = modified ? neg + was + " " + mid + participle + " " + lower(objWords) : lower(objWords) + " " + neg + was + " " + mid + participle;
        } else {
            start = tokens.get(obj[0]).start();
            end = tokens.get(verb).end();
            r = objWords + " " + neg + was + " " + mid + participle;
        }
        boolean first = start == tokens.get(sen.fromToken()).start();
        return Optional.of(new Rewriter.Edit(start, end, first ? Rewriter.capitalise(r) : r));
    }

    /**
     * The object-first order with «вы» last in its clause: «накладную № 17 подписали вы» → «накладная № 17 была подписана»,
     * «акт приёмки подписали вы, без замечаний» → «акт приёмки был подписан, без замечаний». The object is an accusative noun
     * phrase (a genitive tail and a «№ 17» allowed) that opens the clause right before the verb.
     */
    private static Optional<Rewriter.Edit> inverted(String text, List<Token> tokens, Segment sen, int vy, Morphology morph) {
        int verb = vy - 1;
        Reading vr = transitivePast(morph.analyze(tokens.get(verb).norm()));
        if (vr == null) {
            return Optional.empty();
        }
        // the object ends right before the verb: find where it starts (at most four tokens back) and read it forwards
        for (int from = Math.max(sen.fromToken(), verb - 5); from < verb; from++) {
            if (from > sen.fromToken() && tokens.get(from - 1).isWord()) {
                continue; // the object opens its clause: a word before it is some other part of the sentence
            }
            int[] obj = objectAt(tokens, sen, from, morph);
            if (obj == null || obj[1] != verb) {
                continue;
            }
            Optional<Parts> parts = parts(text, tokens, obj, vr, morph);
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            int start = tokens.get(obj[0]).start();
            String r = parts.get().subject() + " " + parts.get().was() + " " + parts.get().participle();
            boolean first = start == tokens.get(sen.fromToken()).start();
            return Optional.of(new Rewriter.Edit(start, tokens.get(vy).end(), first ? Rewriter.capitalise(r) : lower(r)));
        }
        return Optional.empty();
    }

    /** The pieces of a passive clause: the object as its subject (nominative), «был/была/было/были», the short participle. */
    private record Parts(String subject, String was, String participle) {
    }

    /**
     * The object at tokens {@code obj} (start, end of the phrase, end of its head) put in the nominative, with the auxiliary
     * and the short past participle of {@code vr} agreeing with it; empty when any of them cannot be formed.
     */
    private static Optional<Parts> parts(String text, List<Token> tokens, int[] obj, Reading vr, Morphology morph) {
        String objText = text.substring(tokens.get(obj[0]).start(), tokens.get(obj[2] - 1).end());
        GrammaticalNumber number = accusativeNumber(morph.analyze(tokens.get(obj[2] - 1).norm()));
        Optional<String> nom = number == null ? Optional.empty() : morph.phrases().inflect(objText, Case.ACC, Case.NOM, number);
        if (nom.isEmpty()) {
            return Optional.empty();
        }
        Reading head = nominativeHead(morph, nom.get(), obj[2] - obj[0]);
        if (head == null) {
            return Optional.empty();
        }
        boolean plural = head.number() == GrammaticalNumber.PLUR;
        if (!plural && head.gender() == null) {
            return Optional.empty();
        }
        List<String> f = vr.fields();
        List<String> pt = morph.synthesize(vr.lemma(), "PT_Short:Past:" + f.get(2) + ":" + f.get(3) + ":STR:" + (plural ? "PL" : head.gender().tag()));
        if (pt.isEmpty()) {
            return Optional.empty();
        }
        String was = plural ? "были" : switch (head.gender()) {
            case MASC -> "был";
            case FEM -> "была";
            case NEUT -> "было";
        };
        String subject = nom.get() + text.substring(tokens.get(obj[2] - 1).end(), tokens.get(obj[1] - 1).end());
        return Optional.of(new Parts(subject, was, pt.get(0)));
    }

    /** The reading of a transitive finite past plural verb («указали»), or null. */
    private static Reading transitivePast(List<Reading> rs) {
        for (Reading r : rs) {
            if (r.isVerb() && r.has("Past") && r.has("TRANS") && r.has("PL") && r.fields().size() >= 4) {
                return r;
            }
        }
        return null;
    }

    /**
     * A noun phrase in the accusative starting at {@code from}: modifiers then a noun, then a «№ 305» or a number after it.
     * Returns {from, end, endOfNoun} or null.
     */
    private static int[] objectAt(List<Token> tokens, Segment sen, int from, Morphology morph) {
        int i = from;
        while (i < sen.toToken() && i < from + 4) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                return null;
            }
            List<Reading> rs = morph.analyze(t.norm());
            if (has(rs, true)) {
                int noun = i + 1;
                int end = noun;
                // a genitive tail goes with the noun: «срок подачи декларации», «согласование макета»
                while (end < sen.toToken() && end < noun + 2 && tokens.get(end).isWord() && genitive(morph.analyze(tokens.get(end).norm()))) {
                    end++;
                }
                if (end < sen.toToken() && tokens.get(end).norm().equals("№")) {
                    end++;
                }
                while (end < sen.toToken() && tokens.get(end).kind() == Token.Kind.NUMBER) {
                    end++;
                }
                return new int[] {from, end, noun};
            }
            if (!has(rs, false)) {
                return null;
            }
            i++;
        }
        return null;
    }

    /** A one- or two-word accusative noun phrase ending right before «вы». */
    private static int[] objectBefore(List<Token> tokens, Segment sen, int vy, Morphology morph) {
        int n = vy - 1;
        if (n < sen.fromToken() || !tokens.get(n).isWord() || !has(morph.analyze(tokens.get(n).norm()), true)) {
            return null;
        }
        int from = n;
        if (from - 1 >= sen.fromToken() && tokens.get(from - 1).isWord() && has(morph.analyze(tokens.get(from - 1).norm()), false)) {
            from--;
        }
        return new int[] {from, vy, vy};
    }

    /** Whether every reading is a genitive noun or adjective (so the word is no adverb or verb). */
    private static boolean genitive(List<Reading> rs) {
        if (rs.isEmpty()) {
            return false;
        }
        boolean gen = false;
        for (Reading r : rs) {
            if (!(r.isNoun() || r.isAgreeingModifier())) {
                return false;
            }
            gen |= r.grammaticalCase() == Case.GEN;
        }
        return gen;
    }

    /** The number of the noun's accusative readings, when they agree on one; else null. */
    private static GrammaticalNumber accusativeNumber(List<Reading> rs) {
        GrammaticalNumber n = null;
        for (Reading r : rs) {
            if (r.isNoun() && r.grammaticalCase() == Case.ACC) {
                if (n != null && n != r.number()) {
                    return null;
                }
                n = r.number();
            }
        }
        return n;
    }

    /** Whether some reading is an accusative noun ({@code noun}) or an accusative adjective-like modifier. */
    private static boolean has(List<Reading> rs, boolean noun) {
        for (Reading r : rs) {
            if (r.grammaticalCase() == Case.ACC && (noun ? r.isNoun() : r.isAgreeingModifier())) {
                return true;
            }
        }
        return false;
    }

    /** The noun's nominative reading in the inflected phrase (its word {@code k} from the start), or null. */
    private static Reading nominativeHead(Morphology morph, String phrase, int words) {
        String[] w = phrase.split("\\s+");
        if (w.length < words) {
            return null;
        }
        for (Reading r : morph.analyze(w[words - 1].toLowerCase(java.util.Locale.ROOT))) {
            if (r.isNoun() && r.grammaticalCase() == Case.NOM) {
                return r;
            }
        }
        return null;
    }

    private static String lower(String s) {
        List<Token> ts = coach.text.TextAnalyzer.analyze(s);
        return ts.isEmpty() || SentenceRewriter.isName(ts.get(0), false) ? s : Rewriter.decapitalise(s);
    }
}
