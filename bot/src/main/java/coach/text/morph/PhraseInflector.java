package coach.text.morph;

import coach.text.Lang;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a short noun phrase into another case (and optionally number): «своему новому менеджеру»
 * → instrumental «вашим новым менеджером», «ваша заявка» → dative «вашей заявке», «отдел продаж» →
 * instrumental «отделом продаж».
 *
 * <p>The phrase is: adjective-like words (adjectives, pronominal adjectives, full participles,
 * ordinals, with adverbs in front of them: «очень важному»), then the head noun, then an
 * optional tail that stays as it is (a genitive attribute «продаж», «нового филиала», a
 * prepositional one «по продажам», numbers and other non-Cyrillic tokens «№ 245»). Among the
 * readings of each word it keeps those in which every modifier agrees with the head (see
 * {@link Morphology#agree}); if the readings left lead to different results, or none is left, the
 * answer is empty: callers prefer no rewrite to a wrong one.
 *
 * <p>A phrase may start with a count in digits («3 рабочих дня» → instrumental «3 рабочими днями»):
 * the count then decides the number (and, in the nominative and accusative, the case) of the rest.
 * Numerals written as words («двум менеджерам») are not handled (empty).
 *
 * <p>«свой» and «твой» become «ваш» in the agreeing form (the coach rewrites messages that
 * address the client). Capitalisation of each word is kept. Thread-safe.
 */
public final class PhraseInflector {
    private final Morphology morph;

    PhraseInflector(Morphology morph) {
        this.morph = morph;
    }

    /**
     * The phrase's words in {@code target} case.
     *
     * @param words  the word forms of the phrase, in order (no punctuation except in the tail)
     * @param source the case the phrase is in, when the caller knows it (after «к» it is the
     *               dative), or null; it removes ambiguity such as «заявки» (genitive singular or
     *               nominative plural)
     * @param target the case wanted
     * @param number the number wanted, or null to keep the phrase's own
     * @return the new word forms, one per input word, or empty when unsure
     */
    public Optional<List<String>> inflect(List<String> words, Case source, Case target, GrammaticalNumber number) {
        return inflect(words, source, target, number, "ваш");
    }

    /**
     * {@link #inflect(List, Case, Case, GrammaticalNumber)} with the possessive that «свой» and
     * «твой» become: {@code "ваш"} (the default: the coach addresses the client), {@code "наш"}
     * («передадим своему юристу» → «нашим юристом»), or null to keep them.
     */
    public Optional<List<String>> inflect(List<String> words, Case source, Case target, GrammaticalNumber number, String reflexiveAs) {
        if (words == null || words.isEmpty() || words.size() > 12 || target == null) {
            return Optional.empty();
        }
        List<List<Reading>> readings = new ArrayList<>(words.size());
        for (String w : words) {
            readings.add(readingsOf(w));
        }
        if (words.size() >= 2 && isCount(words.get(0))) {
            return counted(words, target, reflexiveAs);
        }
        if (words.size() == 1) {
            Optional<String> pronoun = pronoun(words.get(0), readings.get(0), source, target, number);
            if (pronoun != null) {
                return pronoun.map(List::of);
            }
        }
        // Try the head positions from the right: with «нового клиента», «клиента» is the head and
        // «нового» its modifier, not a noun «новое» with a genitive tail.
        for (int head = words.size() - 1; head >= 0; head--) {
            if (!validModifiers(readings, head)) {
                continue;
            }
            Optional<List<String>> r = inflectWithHead(words, readings, head, source, target, number, null, null, reflexiveAs);
            if (r != null) {
                return r; // an answer, or readings of this head that disagree: no guessing further left
            }
        }
        return adjectiveHead(words, readings, target, number, reflexiveAs);
    }

    /**
     * A number written in digits and the noun phrase it counts: «3 рабочих дня» → instrumental «3
     * рабочими днями», «21 день» → genitive «21 дня», «5 заявок» → dative «5 заявкам». In the
     * nominative and accusative the count decides the phrase's form (1 → nominative singular,
     * 2–4 → genitive singular with genitive plural adjectives, 5 and more → genitive plural).
     * Empty for a fraction and, in the accusative after 2–4, for an animate noun.
     */
    private Optional<List<String>> counted(List<String> words, Case target, String reflexiveAs) {
        String digits = words.get(0);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long last = n % 10;
        long lastTwo = n % 100;
        boolean one = last == 1 && lastTwo != 11;
        boolean few = last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14);
        List<String> rest = words.subList(1, words.size());
        List<List<Reading>> readings = new ArrayList<>(rest.size());
        boolean animate = false;
        for (String w : rest) {
            List<Reading> rs = readingsOf(w);
            readings.add(rs);
            for (Reading r : rs) {
                animate |= r.isNoun() && r.animacy() == Animacy.ANIM;
            }
        }
        // Is it a count at all? After 1 the noun is singular, after 2–4 genitive singular or plural,
        // after 5 and more plural; «12 марта» (a date) and «2026 год» (a year) are no counts.
        boolean consistent = false;
        boolean month = false;
        for (Reading r : readings.get(rest.size() - 1)) {
            if (!r.isNoun()) {
                continue;
            }
            month |= MONTHS.contains(r.lemma());
            GrammaticalNumber rn = r.number();
            consistent |= one ? rn == GrammaticalNumber.SING
                    : few ? rn == GrammaticalNumber.PLUR || (rn == GrammaticalNumber.SING && r.grammaticalCase() != null
                            && r.grammaticalCase().base() == Case.GEN)
                    : rn == GrammaticalNumber.PLUR;
        }
        if (month) {
            return Optional.of(words); // «к 12 марта», «с 12 марта»: a date does not decline
        }
        if (!consistent) {
            return Optional.empty();
        }
        Case headCase = target;
        Case modifierCase = target;
        GrammaticalNumber headNumber = one ? GrammaticalNumber.SING : GrammaticalNumber.PLUR;
        GrammaticalNumber modifierNumber = headNumber;
        if ((target == Case.NOM || target == Case.ACC) && !one) {
            headCase = Case.GEN;
            modifierCase = Case.GEN;
            if (few) {
                if (target == Case.ACC && animate) {
                    return Optional.empty(); // «двух клиентов» or «2 клиента»: not for digits to decide
                }
                headNumber = GrammaticalNumber.SING;
            }
        }
        for (int head = rest.size() - 1; head >= 0; head--) {
            if (!validModifiers(readings, head)) {
                continue;
            }
            Optional<List<String>> r = inflectWithHead(rest, readings, head, null, headCase, headNumber, modifierCase,
                    modifierNumber, reflexiveAs);
            if (r != null) {
                return r.map(ws -> {
                    List<String> out = new ArrayList<>(words.size());
                    out.add(digits);
                    out.addAll(ws);
                    return out;
                });
            }
        }
        return Optional.empty();
    }

    /**
     * The readings of a word in a phrase: a word written in lower case is no name, patronymic or
     * surname when it has other readings («заказов» is not the surname Заказов).
     */
    private List<Reading> readingsOf(String w) {
        List<Reading> rs = morph.analyze(w);
        if (rs.size() < 2 || w.isEmpty() || !Character.isLowerCase(w.charAt(0))) {
            return rs;
        }
        List<Reading> common = null;
        for (int i = 0; i < rs.size(); i++) {
            Reading r = rs.get(i);
            boolean proper = r.isNoun() && (r.has("Name") || r.has("Patr") || r.has("Fam"));
            if (proper && common == null) {
                common = new ArrayList<>(rs.subList(0, i));
            } else if (!proper && common != null) {
                common.add(r);
            }
        }
        return common == null || common.isEmpty() ? rs : common;
    }

    private static final java.util.Set<String> MONTHS = java.util.Set.of("январь", "февраль", "март", "апрель", "май",
            "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь");

    private static boolean isCount(String w) {
        if (w.isEmpty() || w.length() > 12) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A phrase whose last word is an adjective used as a noun («нашему дежурному», «ответственного»):
     * every word takes the form agreeing with the last one's gender and number in the target case.
     * Empty for a masculine or plural accusative (the animacy is unknown) and when unsure.
     */
    private Optional<List<String>> adjectiveHead(List<String> words, List<List<Reading>> readings, Case target,
                                                 GrammaticalNumber number, String reflexiveAs) {
        int last = words.size() - 1;
        if (!validModifiers(readings, last + 1)) {
            return Optional.empty();
        }
        List<String> answer = null;
        for (Reading head : readings.get(last)) {
            if (!head.isAgreeingModifier()) {
                continue;
            }
            Tag h = Tag.of(head.tag());
            List<String> out = new ArrayList<>(words);
            boolean ok = true;
            for (int i = 0; i <= last && ok; i++) {
                String produced = null;
                boolean agreeing = false;
                for (Reading m : readings.get(i)) {
                    Tag t = Tag.of(m.tag());
                    if (!m.isAgreeingModifier() || t.grammaticalCase == null || h.grammaticalCase == null
                            || t.grammaticalCase.base() != h.grammaticalCase.base() || t.number != h.number
                            || (h.number == GrammaticalNumber.SING && t.gender != h.gender)) {
                        continue;
                    }
                    agreeing = true;
                    String f = modifierForm(words.get(i), m, h, target, number, reflexiveAs);
                    if (f == null || (produced != null && !produced.equals(f))) {
                        return Optional.empty(); // this reading cannot be put into the case with certainty
                    }
                    produced = f;
                }
                if (ok && !agreeing) {
                    ok = readings.get(i).stream().anyMatch(r -> "ADV".equals(r.pos())) && i < last;
                } else if (ok) {
                    out.set(i, produced);
                }
            }
            if (!ok) {
                continue;
            }
            if (answer == null) {
                answer = out;
            } else if (!answer.equals(out)) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(answer);
    }

    /** The same for a phrase written with single spaces between words: «своему менеджеру» → «вашим менеджером». */
    public Optional<String> inflect(String phrase, Case source, Case target, GrammaticalNumber number) {
        if (phrase == null || phrase.isBlank()) {
            return Optional.empty();
        }
        List<String> words = Arrays.asList(phrase.strip().split("\\s+"));
        return inflect(words, source, target, number).map(ws -> String.join(" ", ws));
    }

    /** {@link #inflect(String, Case, Case, GrammaticalNumber)} keeping the number, from an unknown case. */
    public Optional<String> inflect(String phrase, Case target) {
        return inflect(phrase, null, target, null);
    }

    /**
     * Whether the words read as an agreeing noun phrase ending in its head noun: adjective-like
     * words (adverbs allowed in front of them), then the head, every modifier agreeing with the
     * head in one of its readings («вашим новым менеджером» yes, «вашему новым менеджером» no,
     * «нового договор» no). Pass the phrase without a genitive tail. For checking a rewritten phrase.
     */
    public boolean agrees(List<String> words) {
        if (words == null || words.isEmpty() || words.size() > 12) {
            return false;
        }
        List<List<Reading>> readings = new ArrayList<>(words.size());
        for (String w : words) {
            readings.add(readingsOf(w));
        }
        int head = words.size() - 1;
        if (!validModifiers(readings, head)) {
            return false;
        }
        for (Reading noun : readings.get(head)) {
            if (noun.isNoun() && modifiersAgree(readings, head, noun)) {
                return true;
            }
        }
        return false;
    }

    private boolean modifiersAgree(List<List<Reading>> readings, int head, Reading noun) {
        for (int i = 0; i < head; i++) {
            boolean agreeing = false;
            boolean adverb = false;
            for (Reading m : readings.get(i)) {
                agreeing |= morph.agree(m, noun);
                adverb |= "ADV".equals(m.pos());
            }
            if (!agreeing && !adverb) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Set<String> PERSONAL = java.util.Set.of("я", "ты", "вы", "мы", "он", "она", "оно", "они", "себя");

    /**
     * A personal pronoun in another case («вам» → «вами», «нему» → «ним»): null when the word is no
     * personal pronoun, empty when its readings disagree. After a preposition the third person
     * takes н- («к нему», «с ним»): the form keeps the н- of the word it replaces.
     */
    private Optional<String> pronoun(String word, List<Reading> rs, Case source, Case target, GrammaticalNumber number) {
        String answer = null;
        boolean any = false;
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (Reading r : rs) {
            Tag t = Tag.of(r.tag());
            if (!r.isPronoun() || !PERSONAL.contains(r.lemma()) || t.grammaticalCase == null) {
                continue;
            }
            if (source != null && t.grammaticalCase.base() != source.base()) {
                continue;
            }
            any = true;
            if (number != null && number != t.number) {
                return Optional.empty();
            }
            String tag = t.with(t.caseIndex, target.tag());
            List<String> forms = morph.synthesize(r.lemma(), tag);
            String chosen = null;
            boolean nForm = lower.startsWith("н") && !r.lemma().startsWith("н");
            for (String f : forms) {
                boolean startsN = f.startsWith("н") && !r.lemma().startsWith("н");
                if (chosen == null || (startsN == nForm && !(chosen.startsWith("н") == nForm))) {
                    chosen = f;
                }
            }
            if (chosen == null) {
                return Optional.empty();
            }
            if (answer != null && !answer.equals(chosen)) {
                return Optional.empty();
            }
            answer = chosen;
        }
        if (!any) {
            return null;
        }
        return Optional.ofNullable(answer).map(f -> morph.spell(word, f));
    }

    private static boolean validModifiers(List<List<Reading>> readings, int head) {
        for (int i = 0; i < head; i++) {
            boolean modifier = false;
            boolean adverb = false;
            for (Reading r : readings.get(i)) {
                modifier |= r.isAgreeingModifier();
                adverb |= "ADV".equals(r.pos());
            }
            if (!modifier && !(adverb && i + 1 < head)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validTail(List<String> words, List<List<Reading>> readings, int from) {
        if (from >= words.size()) {
            return true;
        }
        if (!Lang.hasCyrillic(words.get(from))) {
            return true;
        }
        boolean genitive = false;
        boolean preposition = false;
        for (Reading r : readings.get(from)) {
            Case c = r.grammaticalCase();
            genitive |= c != null && c.base() == Case.GEN && !r.isVerb();
            preposition |= "PREP".equals(r.pos());
        }
        if (!genitive && !preposition) {
            return false;
        }
        for (int i = from; i < words.size(); i++) {
            if (!Lang.hasCyrillic(words.get(i))) {
                continue;
            }
            List<Reading> rs = readings.get(i);
            if (rs.isEmpty()) {
                return false;
            }
            boolean nonVerb = false;
            for (Reading r : rs) {
                nonVerb |= !r.isVerb() && !"DPT".equals(r.pos());
            }
            if (!nonVerb) {
                return false;
            }
        }
        return true;
    }

    /** The phrase around this head: null when no reading of it works, empty when its readings give different answers. */
    private Optional<List<String>> inflectWithHead(List<String> words, List<List<Reading>> readings, int head,
                                                   Case source, Case target, GrammaticalNumber number,
                                                   Case modifierCase, GrammaticalNumber modifierNumber, String reflexiveAs) {
        List<String> answer = null;
        for (Reading noun : readings.get(head)) {
            if (!noun.isNoun()) {
                continue;
            }
            Case nc = noun.grammaticalCase();
            if (source != null && nc != null && nc.base() != source.base()) {
                continue;
            }
            List<String> out = build(words, readings, head, noun, target, number, modifierCase, modifierNumber, reflexiveAs);
            if (out == null) {
                continue;
            }
            if (out == UNSURE) {
                return Optional.empty();
            }
            if (answer == null) {
                answer = out;
            } else if (!answer.equals(out)) {
                return Optional.empty(); // two readings, two different answers: unsure
            }
        }
        return answer == null ? null : Optional.of(answer);
    }

    /** Marks a reading of the head whose phrase agrees but cannot be put into the case with certainty. */
    private static final List<String> UNSURE = List.of("\u0000unsure");

    /**
     * The phrase rebuilt around one reading of the head noun; null if this reading does not fit (a
     * modifier does not agree, the tail is no tail), {@link #UNSURE} if it fits but a form cannot
     * be told.
     */
    private List<String> build(List<String> words, List<List<Reading>> readings, int head, Reading noun,
                               Case target, GrammaticalNumber number, Case modifierCase,
                               GrammaticalNumber modifierNumber, String reflexiveAs) {
        Tag n = Tag.of(noun.tag());
        GrammaticalNumber newNumber = number != null ? number : n.number;
        if (n.gender == null && newNumber == GrammaticalNumber.SING && n.number == GrammaticalNumber.PLUR) {
            return null; // a plural-only noun has no singular
        }
        // the head
        String headForm;
        if (n.caseIndex < 0 && n.numberIndex < 0) {
            headForm = words.get(head); // indeclinable
        } else {
            Map<String, String> changes = newNumber != null && newNumber != n.number
                    ? Map.of(Morphology.CASE, target.tag(), Morphology.NUMBER, newNumber.tag())
                    : Map.of(Morphology.CASE, target.tag());
            Optional<String> f = morph.inflect(words.get(head), noun, changes);
            if (f.isEmpty()) {
                return UNSURE;
            }
            headForm = f.get();
        }
        List<String> out = new ArrayList<>(words);
        out.set(head, headForm);
        // names in apposition take the head's case: «менеджеру Ивану Петрову» → «менеджером Иваном Петровым»
        int tail = head + 1;
        while (tail < words.size() && n.grammaticalCase != null) {
            String f = appositionForm(words.get(tail), readings.get(tail), n, target, newNumber);
            if (f == null) {
                break;
            }
            out.set(tail, f);
            tail++;
        }
        if (!validTail(words, readings, tail)) {
            return null;
        }
        for (int i = 0; i < head; i++) {
            List<Reading> rs = readings.get(i);
            String produced = null;
            boolean agreeing = false;
            for (Reading m : rs) {
                // after a number the adjectives are plural whatever the noun («3 рабочих дня»)
                boolean fits = modifierCase != null
                        ? m.isAgreeingModifier() && (m.number() == GrammaticalNumber.PLUR || m.gender() == n.gender)
                        : morph.agree(m, noun);
                if (!fits) {
                    continue;
                }
                agreeing = true;
                String f = modifierForm(words.get(i), m, n, modifierCase != null ? modifierCase : target,
                        modifierNumber != null ? modifierNumber : newNumber, reflexiveAs);
                if (f == null || (produced != null && !produced.equals(f))) {
                    return UNSURE; // the modifier agrees, but its new form cannot be told
                }
                produced = f;
            }
            if (!agreeing) {
                boolean adverb = rs.stream().anyMatch(r -> "ADV".equals(r.pos()));
                if (!adverb) {
                    return null;
                }
                continue; // an adverb in front of an adjective stays
            }
            out.set(i, produced);
        }
        return out;
    }

    /** The word as a proper name in apposition to the head, put into the target case; null if it is none. */
    private String appositionForm(String word, List<Reading> rs, Tag head, Case target, GrammaticalNumber number) {
        String produced = null;
        for (Reading r : rs) {
            Tag t = Tag.of(r.tag());
            if (!r.isNoun() || !(t.has("Name") || t.has("Patr") || t.has("Fam")) || t.grammaticalCase == null
                    || t.grammaticalCase.base() != head.grammaticalCase.base() || t.number != head.number) {
                continue;
            }
            Map<String, String> changes = number != null && number != t.number
                    ? Map.of(Morphology.CASE, target.tag(), Morphology.NUMBER, number.tag())
                    : Map.of(Morphology.CASE, target.tag());
            Optional<String> f = morph.inflect(word, r, changes);
            if (f.isEmpty() || (produced != null && !produced.equals(f.get()))) {
                return null;
            }
            produced = f.get();
        }
        return produced;
    }

    private String modifierForm(String word, Reading m, Tag noun, Case target, GrammaticalNumber number, String reflexiveAs) {
        String tag = Morphology.agreeingTag(Tag.of(m.tag()), noun, target, number);
        if (tag == null) {
            return null;
        }
        String lemma = m.lemma();
        if (reflexiveAs != null && (lemma.equals("свой") || lemma.equals("твой"))) {
            lemma = reflexiveAs;
        }
        List<String> forms = morph.synthesize(lemma, tag);
        if (forms.isEmpty()) {
            return null;
        }
        return morph.pick(word, forms, Tag.of(tag)).orElse(null);
    }
}
