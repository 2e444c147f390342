package coach.tone;

import coach.text.Lang;
import coach.text.Token;
import coach.text.morph.Casing;
import coach.text.morph.Case;
import coach.text.morph.GrammaticalNumber;
import coach.text.morph.Morphology;
import coach.text.morph.Reading;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bad word replaced by its neutral counterpart in the sentence as it stands: «кто выбирает этих долбоёбов» → «кто
 * выбирает этих людей», «эта мразь опять пришла» → «этот человек опять пришёл». The neutral word comes from
 * {@link Profanity#neutral} in the bad word's form; the adjectives and pronouns right before it and a past verb or short
 * form after a subject are put into the neutral word's gender. Nothing when the form is not certain (readings that give
 * different forms and no neighbour tells them apart) or a neighbour cannot be made to agree. Pure and thread-safe.
 */
public final class NeutralWords {
    private NeutralWords() {
    }

    /**
     * One replacement over tokens [fromToken, toToken), characters [start, end): the bad word, with the agreeing words
     * before or after it that change with it.
     */
    public record Edit(int fromToken, int toToken, int start, int end, String replacement) {
    }

    /** Whether token i is glued by a hyphen to a word before or after it («курьер-дебил», «дура-кассир»). */
    private static boolean hyphenated(List<Token> tokens, int i) {
        return glued(tokens, i - 2, i) || glued(tokens, i, i + 2);
    }

    /** Whether tokens a and a + 2 are words joined by a hyphen token a + 1 with no space on either side. */
    private static boolean glued(List<Token> tokens, int a, int b) {
        return a >= 0 && b < tokens.size() && tokens.get(a).isWord() && tokens.get(b).isWord() && hyphen(tokens, a + 1)
                && tokens.get(a).end() == tokens.get(a + 1).start() && tokens.get(a + 1).end() == tokens.get(b).start();
    }

    /**
     * A bad word that is one part of a hyphenated compound: the part goes with its hyphen and the other word stays
     * («курьер-дебил перепутал» → «курьер перепутал», «дура-кассирша» → «кассирша»); a neutral noun in its place
     * («курьер-человек») is no word. Null when the word is no such part or the other part is no plain word.
     */
    private static Edit compoundPart(Profanity profanity, List<Token> tokens, int from) {
        // before: word «-» bad
        if (glued(tokens, from - 2, from)) {
            if (!profanity.find(tokens.get(from - 2).text()).isEmpty()) {
                return null;
            }
            Token h = tokens.get(from - 1);
            return new Edit(from - 1, from + 1, h.start(), tokens.get(from).end(), "");
        }
        // after: bad «-» word
        if (glued(tokens, from, from + 2)) {
            if (!profanity.find(tokens.get(from + 2).text()).isEmpty()) {
                return null;
            }
            Token next = tokens.get(from + 2);
            String kept = tokens.get(from).text().isEmpty() || !Character.isUpperCase(tokens.get(from).text().charAt(0))
                    ? next.text() : Character.toUpperCase(next.text().charAt(0)) + next.text().substring(1);
            return new Edit(from, from + 3, tokens.get(from).start(), next.end(), kept);
        }
        return null;
    }

    private static boolean hyphen(List<Token> tokens, int i) {
        String n = tokens.get(i).norm();
        return n.equals("-") || n.equals("‐");
    }

    /** Verbs that send someone away: with them an interjection is the point of the sentence. */
    private static final Set<String> GO_AWAY = Set.of("иди", "идите", "пошел", "пошла", "пошли", "пшел", "вали", "валите", "катись",
            "идинах", "шел", "шла");

    /** Separators: a word before one of them opens its clause. */
    private static final Set<String> SEPARATORS = Set.of(",", ";", ":", "-", "—", "–", "!", "?", ".", "…", "(", ")", "\"", "«", "»");

    /**
     * The replacement of the bad word at tokens [from, to) of {@code text} by its neutral counterpart, or null.
     *
     * @param profanity the word list with its neutral words
     */
    public static Edit edit(Profanity profanity, String text, List<Token> tokens, int from, int to, Lang lang) {
        if (to - from != 1 || from < 0 || to > tokens.size() || !tokens.get(from).isWord()) {
            return null;
        }
        Token w = tokens.get(from);
        Edit compound = compoundPart(profanity, tokens, from);
        if (compound != null || hyphenated(tokens, from)) {
            return compound;
        }
        if (from > 0 && tokens.get(from - 1).isWord() && tokens.get(from - 1).end() < w.start()
                && text.substring(tokens.get(from - 1).end(), w.start()).equals(" ")) {
            // a preposition and the word: «по хуй» → «всё равно», «ни хера» → «ничего»
            Token p = tokens.get(from - 1);
            List<Profanity.Neutral> two = profanity.neutral(p.text() + " " + w.text());
            if (!two.isEmpty() && two.get(0).like() == null && !two.get(0).form().isEmpty()) {
                if (from > 1 && GO_AWAY.contains(tokens.get(from - 2).norm())) {
                    return null; // «иди на хуй»
                }
                return new Edit(from - 1, to, p.start(), w.end(), Casing.restore(p.text(), two.get(0).form()));
            }
        }
        if (to < tokens.size() && tokens.get(to).isWord() && text.substring(w.end(), tokens.get(to).start()).equals(" ")) {
            // the word and the next one: «хуй знает» → «кто знает»
            Token q = tokens.get(to);
            List<Profanity.Neutral> two = profanity.neutral(w.text() + " " + q.text());
            if (!two.isEmpty() && two.get(0).like() == null && !two.get(0).form().isEmpty()) {
                return new Edit(from, to + 1, w.start(), q.end(), Casing.restore(w.text(), two.get(0).form()));
            }
        }
        List<Profanity.Neutral> all = profanity.neutral(w.text());
        if (all.isEmpty()) {
            return null;
        }
        Morphology m = Morphology.russian();
        if (all.get(0).form().isEmpty()) {
            // an interjection («как я сука не навижу», «вы блять сперва проверьте») goes, unless a modifier makes it a noun
            boolean modified = from > 0 && tokens.get(from - 1).isWord() && !m.analyze(tokens.get(from - 1).norm()).isEmpty()
                    && m.analyze(tokens.get(from - 1).norm()).stream().allMatch(Reading::isAgreeingModifier);
            if (from > 0 && GO_AWAY.contains(tokens.get(from - 1).norm())) {
                return null; // «иди нахуй» without it still sends the reader away: no rewrite
            }
            if (!modified) {
                return new Edit(from, to, w.start(), w.end(), "");
            }
            all = profanity.neutral(w.text(), true);
            if (all.isEmpty()) {
                return null;
            }
        }
        if (lang != Lang.RU || all.get(0).like() == null) {
            if (from > 0 && tokens.get(from - 1).norm().equals("you")) {
                return null; // «you idiots» → «you people» is no kinder
            }
            Set<String> forms = new LinkedHashSet<>();
            all.forEach(n -> forms.add(n.form()));
            return forms.size() == 1 ? new Edit(from, to, w.start(), w.end(), Casing.restore(w.text(), all.get(0).form())) : null;
        }
        if (all.stream().anyMatch(NeutralWords::person) && judged(m, tokens, from)) {
            return null; // «нужно быть дебилом, чтобы…», «как безответственные дебилы», «ещё больший идиот»: «человек» says nothing there
        }
        List<Profanity.Neutral> ns = all;
        // the modifiers right before the word tell its case and number: «этих долбоёбов», «этой мрази»
        List<Integer> modifiers = new ArrayList<>();
        for (int i = from - 1; i >= 0 && i >= from - 2; i--) {
            Token a = tokens.get(i);
            if (!a.isWord()) {
                break;
            }
            List<Reading> ra = m.analyze(a.norm()).stream().filter(Reading::isAgreeingModifier).toList();
            if (ra.isEmpty()) {
                break;
            }
            List<Profanity.Neutral> agreeing = new ArrayList<>();
            for (Profanity.Neutral n : ns) {
                if (ra.stream().anyMatch(r -> m.agree(r, n.like()))) {
                    agreeing.add(n);
                }
            }
            if (agreeing.isEmpty()) {
                break;
            }
            ns = agreeing;
            modifiers.add(0, i);
        }
        if (modifiers.isEmpty()) {
            Profanity.Neutral nom = null;
            for (Profanity.Neutral n : ns) {
                if (person(n) && n.like().grammaticalCase() == Case.NOM) {
                    nom = n;
                }
            }
            if (nom != null) {
                Boolean aside = addressOrAside(profanity, m, tokens, from, nom.like());
                if (aside == null) {
                    return null;
                }
                if (aside) {
                    return new Edit(from, to, w.start(), w.end(), ""); // «заблокировала меня тварь.», «езжай домой долбоёб»: the word goes
                }
            }
        }
        if (distinct(ns) > 1 && opensClause(tokens, from - modifiers.size())) {
            // a noun that opens its clause is most likely its subject: «суки, опять…» aside, «мразь такая» is a nominative
            GrammaticalNumber verb = verbNumber(m, tokens, from + 1);
            List<Profanity.Neutral> nom = new ArrayList<>();
            List<Profanity.Neutral> rest = new ArrayList<>();
            for (Profanity.Neutral n : ns) {
                if (n.like().grammaticalCase() == Case.NOM && (verb == null || verb == n.like().number())) {
                    nom.add(n);
                } else if (n.like().grammaticalCase() != Case.NOM) {
                    rest.add(n);
                }
            }
            // «Мразь выгнали со склада»: the verb does not agree with it, so it is the object
            ns = !nom.isEmpty() ? nom : verb != null && !rest.isEmpty() ? rest : ns;
        }
        if (distinct(ns) > 1 && modifiers.isEmpty()) {
            // a transitive verb just before in the clause takes an object: «заблокировала эту мразь», «гнать этих тварей»
            boolean object = false;
            for (int i = from - 1; i >= 0 && i >= from - 3 && tokens.get(i).isWord(); i--) {
                List<Reading> rs = m.analyze(tokens.get(i).norm());
                if (!rs.isEmpty() && rs.stream().allMatch(r -> r.isVerb() && r.has("TRANS"))) {
                    object = true;
                    break;
                }
            }
            List<Profanity.Neutral> acc = ns.stream().filter(n -> n.like().grammaticalCase() == Case.ACC).toList();
            if (object && !acc.isEmpty()) {
                ns = acc;
            }
        }
        if (distinct(ns) > 1 && ns.stream().anyMatch(n -> n.like().isVerb() && n.like().has("IMP"))
                && opensClause(tokens, from > 0 && tokens.get(from - 1).norm().equals("не") ? from - 1 : from)) {
            // «не пиздите.» opening its clause is a request: «не врите»
            ns = ns.stream().filter(n -> n.like().isVerb() && n.like().has("IMP")).toList();
        }
        if (distinct(ns) != 1) {
            return null; // unsure of the form
        }
        Profanity.Neutral n = ns.get(0);
        Reading like = n.like();
        if (like.isVerb() && objectPronounNear(tokens, from) && !m.analyze(n.form()).stream().anyMatch(r -> r.isVerb() && r.has("TRANS"))) {
            return null; // «вы нас заебали»: «надоели» takes no «нас»
        }
        boolean afterPronoun = from > 0 && pronoun(m, tokens.get(from - 1));
        StringBuilder rep = new StringBuilder();
        int start = w.start();
        int fromToken = from;
        if (like.isNoun()) {
            if (n.as() == null) {
                return null;
            }
            int before = from - modifiers.size() - 1;
            if (n.as().gender() != like.gender() && like.number() == GrammaticalNumber.SING && before >= 0 && tokens.get(before).isWord()
                    && m.analyze(tokens.get(before).norm()).stream().anyMatch(r -> r.isAgreeingModifier() && m.agree(r, like))) {
                return null; // «какая сексуальная сука»: a third word agrees with the old one
            }
            List<String> forms = new ArrayList<>();
            boolean changed = false;
            for (int i : modifiers) {
                Token a = tokens.get(i);
                String form = a.text();
                Reading agreeing = null;
                for (Reading r : m.analyze(a.norm())) {
                    if (m.agree(r, like)) {
                        agreeing = r;
                        break;
                    }
                }
                if (agreeing != null && !m.agree(agreeing, n.as())) {
                    Optional<String> f = m.agreeing(agreeing.lemma(), n.as());
                    if (f.isEmpty()) {
                        return null;
                    }
                    form = Casing.restore(a.text(), f.get());
                    changed = true;
                }
                forms.add(form);
            }
            if (changed) {
                fromToken = modifiers.get(0);
                start = tokens.get(fromToken).start();
                for (int k = 0; k < modifiers.size(); k++) {
                    int i = modifiers.get(k);
                    rep.append(forms.get(k)).append(text, tokens.get(i).end(), tokens.get(i + 1).start());
                }
            }
        }
        rep.append(Casing.restore(w.text(), n.form()));
        int end = w.end();
        int toToken = to;
        if (like.isNoun() && to < tokens.size() && tokens.get(to).isWord() && n.as() != null) {
            // an adjective after it («тварюга лицемерная», «выродок свинявый») agrees too
            Token a = tokens.get(to);
            List<Reading> ra = m.analyze(a.norm());
            Reading agreeing = ra.stream().filter(r -> r.isAgreeingModifier() && m.agree(r, like)).findFirst().orElse(null);
            if (agreeing != null && !m.agree(agreeing, n.as())) {
                Optional<String> f = m.agreeing(agreeing.lemma(), n.as());
                if (f.isEmpty()) {
                    return null;
                }
                rep.append(text, w.end(), a.start()).append(Casing.restore(a.text(), f.get()));
                end = a.end();
                toToken = to + 1;
            }
        }
        if (like.isNoun() && like.grammaticalCase() == Case.NOM && like.number() == GrammaticalNumber.SING
                && n.as().gender() != like.gender() && !afterPronoun) {
            // a past verb or short form that agreed with the old word agrees with the new one: «мразь пришла» → «человек пришёл»
            int after = end;
            for (int j = toToken; j < tokens.size() && j <= to + 4; j++) {
                Token b = tokens.get(j);
                if (!b.isWord()) {
                    break;
                }
                List<Reading> rb = m.analyze(b.norm());
                boolean predicate = !rb.isEmpty() && rb.stream().allMatch(r -> (r.isVerb() && r.has("Past")) || r.tag().contains("Short"));
                if (!predicate) {
                    continue;
                }
                if (rb.get(0).gender() != like.gender()) {
                    break;
                }
                Optional<String> f = m.agreeWith(b.norm(), rb.get(0), n.as());
                if (f.isEmpty()) {
                    return null;
                }
                rep.append(text, after, b.start()).append(Casing.restore(b.text(), f.get()));
                end = b.end();
                toToken = j + 1;
                for (int k = j + 1; k < tokens.size() && !(tokens.get(k).norm().length() == 1 && ".!?".contains(tokens.get(k).norm())); k++) {
                    Token c = tokens.get(k);
                    List<Reading> rc = c.isWord() ? m.analyze(c.norm()) : List.of();
                    if (!rc.isEmpty() && rc.stream().allMatch(r -> (r.isVerb() && r.has("Past")) || r.tag().contains("Short"))
                            && rc.get(0).gender() == like.gender()) {
                        return null; // «эта мразь должна отработать что должна»: one more word to agree
                    }
                }
                break;
            }
        }
        return new Edit(fromToken, toToken, start, end, rep.toString());
    }

    /** Words after which an insult is the judgement itself: a predicate, a comparison, a limit, a negation. */
    private static final Set<String> JUDGING = Set.of("как", "быть", "был", "была", "были", "было", "будет", "будь", "будешь",
            "будете", "будут", "будучи", "стать", "стал", "стала", "стали", "станет", "станешь", "оказался", "оказалась", "оказались",
            "является", "являются", "являешься", "считать", "считаю", "считаем", "считаете", "считает", "назвать", "называть",
            "выглядит", "выглядишь", "остался", "осталась", "только", "лишь", "не", "ни", "словно", "будто", "вроде");
    /** Modifiers that make the insult stronger, not a description: «полный идиот», «ещё больший дебил». */
    private static final Set<String> INTENSIFYING = Set.of("полный", "полная", "полные", "полного", "полным", "полных", "настоящий",
            "настоящая", "настоящие", "настоящим", "больший", "большим", "большая", "великий", "великая", "круглый", "круглая",
            "круглым", "конченый", "конченая", "законченный", "законченная", "законченным", "редкий", "редкостный",
            "редкостная", "последний", "последняя", "самый", "самая", "самым", "абсолютный", "абсолютная", "клинический",
            "клиническая", "форменный", "натуральный", "натуральная");

    /**
     * Whether a person insult at token i is the judgement itself rather than a way to name someone: after a form of
     * «быть»/«стать», «как», «только», «не» (across the adjectives before it), or with a modifier that only makes it
     * stronger. «Человек» in its place keeps the sentence but not its sense («нужно быть человеком, чтобы…»).
     */
    private static boolean judged(Morphology m, List<Token> tokens, int i) {
        int j = i - 1;
        while (j >= 0 && tokens.get(j).isWord()) {
            String n = tokens.get(j).norm();
            if (INTENSIFYING.contains(n)) {
                return true;
            }
            List<Reading> rs = m.analyze(n);
            if (rs.isEmpty() || !rs.stream().allMatch(Reading::isAgreeingModifier)) {
                break;
            }
            j--;
        }
        if (j >= 0 && tokens.get(j).isWord() && JUDGING.contains(tokens.get(j).norm())) {
            // «как» that opens its clause asks («как таких уродов земля носит»), it does not compare
            return !(tokens.get(j).norm().equals("как") && (j == 0 || !tokens.get(j - 1).isWord()));
        }
        // «великий идиот человечества»: a genitive after it that belongs to the judgement
        return false;
    }

    /** Whether the neutral word names a person («человек», «люди»). */
    private static boolean person(Profanity.Neutral n) {
        return n.as() != null && n.as().animacy() == coach.text.morph.Animacy.ANIM;
    }

    /**
     * Whether a nominative insult at token i is an address or an aside rather than a subject (true: it goes), a subject
     * or a predicate that can take the neutral word (false), or a predicate no neutral word fits (null: «он урод.»). An
     * address: at the end of its sentence after a word («езжай домой долбоёб», «заблокировала меня тварь.»), or opening
     * it before a verb said to «ты» or «вы» («долбоёб себе запрети»).
     */
    private static Boolean addressOrAside(Profanity profanity, Morphology m, List<Token> tokens, int i, Reading like) {
        boolean last = i + 1 >= tokens.size() || (!tokens.get(i + 1).isWord() && ".!?…".indexOf(tokens.get(i + 1).norm().charAt(0)) >= 0);
        if (i > 0 && !tokens.get(i - 1).isWord() && i + 2 < tokens.size() + 1 && i + 1 < tokens.size() && tokens.get(i + 1).isWord()
                && m.analyze(tokens.get(i + 1).norm()).stream().anyMatch(r -> r.isAgreeingModifier() && m.agree(r, like))
                && (i + 2 >= tokens.size() || !tokens.get(i + 2).isWord())) {
            return null; // «…выложил, урод моральный!»: an address with its adjective; neither a neutral word nor a gap reads well
        }
        if (i > 0 && tokens.get(i - 1).isWord()) {
            List<Reading> before = m.analyze(tokens.get(i - 1).norm());
            if (!before.isEmpty() && before.stream().anyMatch(r -> r.isNoun() && r.grammaticalCase() == Case.NOM && r.number() == like.number())
                    && before.stream().noneMatch(r -> r.isVerb() || r.pos().equals("PREP") || r.isAgreeingModifier())) {
                return true; // «монтажники уёбки сломали дверь»: an aside on the noun before
            }
            if (pronoun(m, tokens.get(i - 1))) {
                if (last) {
                    return null;
                }
                for (int j = i + 1; j < tokens.size() && j <= i + 4 && tokens.get(j).isWord(); j++) {
                    List<Reading> rs = m.analyze(tokens.get(j).norm());
                    if (!rs.isEmpty() && rs.stream().allMatch(r -> r.isVerb() || r.has("Short"))) {
                        return true; // «ты гнида уже сделал всё», «она сука не взвыла»: an aside between subject and verb
                    }
                }
                return false;
            }
            if (last && like.number() == GrammaticalNumber.SING) {
                // «…как тварь.» compares: without the word «как» dangles
                return before.stream().anyMatch(r -> r.pos().equals("PREP") || r.pos().equals("CONJ")) ? null : true;
            }
        }
        if (opensSentence(tokens, i) && !predicateSoon(m, tokens, i + 1, like)) {
            return true; // «Уроды, самим не стыдно», «тварь, жаль закон мягок»: an exclamation, no subject of anything
        }
        if (opensSentence(tokens, i)) {
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).isWord() && !profanity.find(tokens.get(j).text()).isEmpty()) {
                j++;
            }
            if (j < tokens.size() && tokens.get(j).norm().equals(",")) {
                return true; // «Козлы ебаные, где мой заказ?»: an address
            }
        }
        if (opensClause(tokens, i)) {
            for (int j = i + 1; j < tokens.size() && j <= i + 3; j++) {
                Token t = tokens.get(j);
                if (!t.isWord()) {
                    break;
                }
                List<Reading> rs = m.analyze(t.norm());
                if (!rs.isEmpty() && rs.stream().allMatch(r -> r.isVerb() && (r.has("IMP") || r.person() == coach.text.morph.Person.SECOND))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean pronoun(Morphology m, Token t) {
        if (!t.isWord()) {
            return false;
        }
        List<Reading> rs = m.analyze(t.norm());
        return !rs.isEmpty() && rs.stream().allMatch(Reading::isPronoun);
    }

    private static int distinct(List<Profanity.Neutral> ns) {
        Set<String> forms = new LinkedHashSet<>();
        ns.forEach(n -> forms.add(n.form()));
        return forms.size();
    }

    /** The number of the first finite verb within three words after {@code from}, or null. */
    private static GrammaticalNumber verbNumber(Morphology m, List<Token> tokens, int from) {
        for (int j = from; j < tokens.size() && j < from + 3; j++) {
            Token t = tokens.get(j);
            if (!t.isWord()) {
                return null;
            }
            List<Reading> rs = m.analyze(t.norm()).stream().filter(r -> r.isVerb() && !r.has("INF") && !r.has("IMP")).toList();
            if (!rs.isEmpty()) {
                GrammaticalNumber n = rs.get(0).number();
                return rs.stream().allMatch(r -> r.number() == n) ? n : null;
            }
        }
        return null;
    }

    /** Whether a verb or a short form comes within three words: what a subject would be the subject of. */
    private static boolean predicateSoon(Morphology m, List<Token> tokens, int from, Reading like) {
        for (int j = from; j < tokens.size() && j < from + 3; j++) {
            Token t = tokens.get(j);
            if (!t.isWord()) {
                return false;
            }
            List<Reading> rs = m.analyze(t.norm());
            if (rs.stream().anyMatch(r -> (r.isVerb() && !r.has("INF")) || r.tag().contains("Short"))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> OBJECT_PRONOUNS = Set.of("меня", "тебя", "нас", "вас", "их", "всех");

    private static boolean objectPronounNear(List<Token> tokens, int i) {
        return (i > 0 && OBJECT_PRONOUNS.contains(tokens.get(i - 1).norm()))
                || (i + 1 < tokens.size() && OBJECT_PRONOUNS.contains(tokens.get(i + 1).norm()));
    }

    private static boolean opensSentence(List<Token> tokens, int i) {
        return i <= 0 || (!tokens.get(i - 1).isWord() && tokens.get(i - 1).norm().chars().allMatch(c -> ".!?…".indexOf(c) >= 0));
    }

    private static boolean opensClause(List<Token> tokens, int i) {
        return i <= 0 || SEPARATORS.contains(tokens.get(i - 1).norm());
    }
}
