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

    /** Verbs that send someone away: with them an interjection is the point of the sentence. */
    private static final Set<String> GO_AWAY = Set.of("иди", "идите", "пошел", "пошла", "пошли", "пшел", "вали", "валите", "катись",
            "идинах", "шел", "шла");

    /** The cases a preposition takes (its commonest uses). */
    private static final java.util.Map<String, Set<Case>> GOVERNS = java.util.Map.ofEntries(
            java.util.Map.entry("по", Set.of(Case.DAT)), java.util.Map.entry("к", Set.of(Case.DAT)), java.util.Map.entry("ко", Set.of(Case.DAT)),
            java.util.Map.entry("у", Set.of(Case.GEN)), java.util.Map.entry("из", Set.of(Case.GEN)), java.util.Map.entry("от", Set.of(Case.GEN)),
            java.util.Map.entry("до", Set.of(Case.GEN)), java.util.Map.entry("без", Set.of(Case.GEN)), java.util.Map.entry("для", Set.of(Case.GEN)),
            java.util.Map.entry("из-за", Set.of(Case.GEN)), java.util.Map.entry("о", Set.of(Case.LOC)), java.util.Map.entry("об", Set.of(Case.LOC)),
            java.util.Map.entry("при", Set.of(Case.LOC)), java.util.Map.entry("про", Set.of(Case.ACC)), java.util.Map.entry("через", Set.of(Case.ACC)));

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
        if (from >= 2 && tokens.get(from - 1).norm().equals("-") && tokens.get(from - 2).isWord()
                && tokens.get(from - 2).end() == tokens.get(from - 1).start() && tokens.get(from - 1).end() == w.start()) {
            // a compound with a hyphen: «курьер-дебил» is the courier, the insult goes with its hyphen
            return profanity.neutral(w.text(), true).isEmpty() && profanity.neutral(w.text()).isEmpty() ? null
                    : new Edit(from - 1, to, tokens.get(from - 1).start(), w.end(), "");
        }
        if (to + 1 < tokens.size() && tokens.get(to).norm().equals("-") && tokens.get(to + 1).isWord()
                && w.end() == tokens.get(to).start() && tokens.get(to).end() == tokens.get(to + 1).start()) {
            // «дебил-курьер»: the same the other way round
            return profanity.neutral(w.text(), true).isEmpty() && profanity.neutral(w.text()).isEmpty() ? null
                    : new Edit(from, to + 1, w.start(), tokens.get(to).end(), "");
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
        if (all.stream().anyMatch(n -> person(n) && coach.text.Normalizer.fold(n.form()).matches("(человек|люд).*")) && judged(m, tokens, from)) {
            return null; // «нужно быть дебилом, чтобы…», «как безответственные дебилы», «ещё больший идиот»: «человек» says nothing there
        }
        List<Profanity.Neutral> ns = all;
        // the modifiers right before the word tell its case and number: «этих долбоёбов», «этой мрази»
        List<Integer> modifiers = new ArrayList<>();
        for (int i = from - 1; i >= 0 && i >= from - 3; i--) {
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
        int beforeGroup = from - modifiers.size() - 1;
        if (distinct(ns) > 1 && beforeGroup >= 0 && GOVERNS.containsKey(tokens.get(beforeGroup).norm())) {
            // a preposition tells the case: «судя по роже» → «по лицу», «без этой мрази» → «без этого человека»
            Set<Case> cases = GOVERNS.get(tokens.get(beforeGroup).norm());
            List<Profanity.Neutral> governed = ns.stream()
                    .filter(n -> n.like().grammaticalCase() != null && cases.contains(n.like().grammaticalCase().base())).toList();
            if (!governed.isEmpty()) {
                ns = governed;
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
        if (distinct(ns) > 1 && modifiers.isEmpty() && from > 0 && tokens.get(from - 1).isWord()) {
            // an intransitive finite verb just before that agrees with a nominative reading has it as its subject: «жируют твари и…»
            List<Reading> rv = m.analyze(tokens.get(from - 1).norm());
            if (!rv.isEmpty() && rv.stream().allMatch(r -> r.isVerb() && !r.has("INF") && !r.has("IMP") && !r.has("TRANS"))) {
                GrammaticalNumber vn = rv.get(0).number();
                List<Profanity.Neutral> nom = ns.stream().filter(n -> n.like().grammaticalCase() == Case.NOM && n.like().number() == vn).toList();
                if (vn != null && rv.stream().allMatch(r -> r.number() == vn) && !nom.isEmpty()) {
                    ns = nom;
                }
            }
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
        if (like.isNoun() && person(n)) {
            Edit shorter = personByContext(m, text, tokens, from, modifiers, like);
            if (shorter != null) {
                return shorter;
            }
        }
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
        if (sameConjunct(tokens, fromToken, toToken, n.form())) {
            return null; // «есть и пидарасы и люди» → «и люди и люди»: two conjuncts the same say nothing
        }
        return new Edit(fromToken, toToken, start, end, rep.toString());
    }

    /** Third-person pronouns a person insult may repeat: «гнать их надо, уродов», «в окоп бы его, гада». */
    private static final Set<String> THIRD_PERSON = Set.of("его", "него", "ему", "нему", "им", "ним", "их", "них", "ими", "ними");

    /**
     * A shorter way to say a person insult than «человек» where the words around already name the person: the insult
     * goes before a name or a noun it stands beside («этот дебил Гена» → «Гена», «долбоёбы рыбаки» → «рыбаки»), or after
     * a pronoun it repeats («гнать их надо, уродов» → «гнать их надо»); a demonstrative and the insult as an object become
     * a pronoun («мы этих тварей приучили» → «мы их приучили»). Null when none of these fits.
     */
    private static Edit personByContext(Morphology m, String text, List<Token> tokens, int from, List<Integer> modifiers, Reading like) {
        Token w = tokens.get(from);
        int first = modifiers.isEmpty() ? from : modifiers.get(0);
        Token next = from + 1 < tokens.size() && tokens.get(from + 1).isWord() && text.substring(w.end(), tokens.get(from + 1).start()).equals(" ")
                ? tokens.get(from + 1) : null;
        if (next != null) {
            List<Reading> rn = m.analyze(next.norm());
            boolean name = !rn.isEmpty() && rn.stream().anyMatch(r -> r.has("Name") || r.has("Fam"))
                    && rn.stream().noneMatch(r -> r.pos().equals("PREP") || r.pos().equals("CONJ") || r.isVerb() || r.isPronoun());
            boolean beside = modifiers.isEmpty() && !rn.isEmpty() && rn.stream().allMatch(r -> r.isNoun() && r.animacy() == coach.text.morph.Animacy.ANIM)
                    && rn.stream().anyMatch(r -> r.grammaticalCase() != null && like.grammaticalCase() != null
                            && r.grammaticalCase().base() == like.grammaticalCase().base() && r.number() == like.number());
            boolean demonstrativeOnly = modifiers.stream().allMatch(i -> demonstrative(m, tokens.get(i)));
            if ((name && demonstrativeOnly) || beside) {
                return new Edit(first, from + 1, tokens.get(first).start(), w.end(), "");
            }
        }
        if (modifiers.isEmpty() && from > 0 && tokens.get(from - 1).isWord() && like.grammaticalCase() != null) {
            // right after a personal pronoun in the same case and number it only repeats it: «вам, дуракам» → «вам»
            List<Reading> rp = m.analyze(tokens.get(from - 1).norm());
            if (!rp.isEmpty() && rp.stream().allMatch(Reading::isPronoun) && rp.stream().anyMatch(r -> r.grammaticalCase() != null
                    && r.grammaticalCase().base() == like.grammaticalCase().base() && r.number() == like.number()
                    && r.person() != null && r.grammaticalCase().base() != Case.NOM)) {
                return new Edit(from, from + 1, w.start(), w.end(), "");
            }
        }
        if (modifiers.isEmpty()) {
            for (int j = from - 1; j >= 0 && j >= from - 3 && tokens.get(j).isWord(); j--) {
                String pn = tokens.get(j).norm();
                if (THIRD_PERSON.contains(pn) && (like.number() == GrammaticalNumber.PLUR) == pn.matches("н?(их|им|ими)")
                        && !pn.equals("им") && !pn.equals("ним")) {
                    return new Edit(from, from + 1, w.start(), w.end(), "");
                }
            }
            return null;
        }
        if (modifiers.size() != 1 || !demonstrative(m, tokens.get(first)) || like.grammaticalCase() == null
                || like.grammaticalCase().base() == Case.NOM) {
            return null;
        }
        boolean plural = like.number() == GrammaticalNumber.PLUR;
        if (!plural && like.gender() != coach.text.morph.Gender.MASC) {
            return null; // «эту мразь» says nothing of who it is: «её» may be wrong
        }
        // the clause goes on with its verb, or ends: nothing after the noun depends on it («этих идиотов со склада» stays)
        boolean ends = from + 1 >= tokens.size() || SEPARATORS.contains(tokens.get(from + 1).norm());
        boolean verb = !ends && tokens.get(from + 1).isWord() && !m.analyze(tokens.get(from + 1).norm()).isEmpty()
                && m.analyze(tokens.get(from + 1).norm()).stream().allMatch(r -> r.isVerb());
        if (!ends && !verb) {
            return null;
        }
        boolean afterPreposition = first > 0 && tokens.get(first - 1).isWord() && !m.analyze(tokens.get(first - 1).norm()).isEmpty()
                && m.analyze(tokens.get(first - 1).norm()).stream().allMatch(r -> r.pos().equals("PREP"));
        if (afterPreposition) {
            return null; // «из-за этого дебила» → «из-за этого человека» keeps whom it is about
        }
        String pronoun = switch (like.grammaticalCase().base()) {
            case GEN, ACC -> plural ? "их" : "его";
            case DAT -> plural ? "им" : "ему";
            case INS -> plural ? "ими" : "им";
            case LOC, LOC2 -> plural ? "них" : "нём";
            default -> null;
        };
        if (pronoun == null) {
            return null;
        }
        return new Edit(first, from + 1, tokens.get(first).start(), w.end(), Casing.restore(tokens.get(first).text(), pronoun));
    }

    /** «этот», «тот» in any form. */
    private static boolean demonstrative(Morphology m, Token t) {
        List<Reading> rs = m.analyze(t.norm());
        return !rs.isEmpty() && rs.stream().anyMatch(r -> r.lemma().equals("этот") || r.lemma().equals("тот"));
    }

    /** Whether the word next to tokens [from, to) across «и» is {@code form} already. */
    private static boolean sameConjunct(List<Token> tokens, int from, int to, String form) {
        String f = coach.text.Normalizer.fold(form);
        if (to + 1 < tokens.size() && tokens.get(to).norm().equals("и") && coach.text.Normalizer.fold(tokens.get(to + 1).norm()).equals(f)) {
            return true;
        }
        return from >= 2 && tokens.get(from - 1).norm().equals("и") && coach.text.Normalizer.fold(tokens.get(from - 2).norm()).equals(f);
    }

    /** Words after which an insult is the judgement itself: a predicate, a comparison, a limit, a negation. */
    private static final Set<String> JUDGING = Set.of("как", "быть", "был", "была", "были", "было", "будет", "будь", "будешь",
            "будете", "будьте", "будем", "будут", "будучи", "стать", "станьте", "стань", "стал", "стала", "стали", "станет", "станешь", "оказался", "оказалась", "оказались",
            "является", "являются", "являешься", "считать", "считаю", "считаем", "считаете", "считает", "назвать", "называть",
            "выглядит", "выглядишь", "остался", "осталась", "только", "лишь", "не", "ни", "словно", "будто", "вроде",
            // «одни идиоты», «судья тоже мудила», «просто дебил»: the insult says what they are
            "одни", "сплошные", "сплошь", "кругом", "тоже", "также", "просто", "реально", "вообще",
            // «Сами вы идиот», «он дебил»: a pronoun subject right before it, the insult is the predicate
            "вы", "ты", "он", "она", "они");
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
            // «как» that opens its clause asks («как таких уродов земля носит»), it does not compare; «как» right before
            // the word, set off by commas, compares («а вы, как дурак, продолжаете…»)
            boolean aside = j == i - 1 && i + 1 < tokens.size() && !tokens.get(i + 1).isWord();
            return aside || !(tokens.get(j).norm().equals("как") && (j == 0 || !tokens.get(j - 1).isWord()));
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
                if (last || i + 1 < tokens.size() && !tokens.get(i + 1).isWord()) {
                    return null; // «Жильцы у вас дебилы, опять …»: a predicate; «люди» there says nothing
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
