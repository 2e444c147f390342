package coach.phrasing;

import coach.match.Match;
import coach.match.TokenPattern;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replacement templates: plain text with placeholders over a pattern's captures.
 *
 * <pre>
 *   {who}       the captured words as the client wrote them
 *   {who:ins}   the captured noun phrase put into a case (nom, gen, dat, acc, ins, loc) with its adjectives and
 *               pronouns agreeing, «свой» becoming «ваш»: «пишите [who своему менеджеру ]» → «я свяжусь с {who:ins}»
 *               gives «я свяжусь с вашим менеджером»
 *   {act:imp}   the captured words with each «вы» verb form as a polite imperative: «внесёте задаток» → «внесите задаток»
 *   {v:inf}     a captured verb as its infinitive: «точно [v успеем ]» → «рассчитываем {v:inf}» gives «рассчитываем успеть»
 *   {n:lower}   the captured words with a sentence-initial capital lowered (acronyms, "I" and Russian names, places and
 *               organisations by the dictionary stay): «[n Refund ] is declined» → «we can't approve the {n:lower}»
 *               gives «we can't approve the refund»; «[act Подтвердите бронь ]» → «Пожалуйста, {act:lower}»
 *   {~прислать} a lemma in the grammatical form of the marked word: «скиньте» → «пришлите», «скину» → «пришлю»
 * </pre>
 *
 * A template whose capture did not take part in a match, or whose inflection the morphology cannot do with
 * confidence, gives nothing for that match: the rewriter then tries the next replacement or none.
 */
final class Templates {
    private static final Pattern SLOT = Pattern.compile("\\{(?:([a-z][a-z0-9_]*)(?::([a-z]+))?|~([\\p{L}-]+))\\}");
    static final Set<String> CASES = Set.of("nom", "gen", "dat", "acc", "ins", "loc", "inf");
    /** Verb operations a slot may name beside the cases (done here, not by the inflector). */
    static final Set<String> VERB_OPS = Set.of("imp", "lower");
    /**
     * In a fragment replacement, what follows this mark is a sentence of its own put after the rewritten sentence:
     * «на днях» → «в ближайшие дни || Точную дату я уточню и сообщу вам».
     */
    static final String THEN = "||";

    /** The replacement as a reader sees it: the sentence after {@link #THEN} as a sentence of its own. */
    static String display(String replacement) {
        int bar = replacement.indexOf(THEN);
        if (bar < 0) {
            return replacement;
        }
        String head = replacement.substring(0, bar).strip();
        String tail = replacement.substring(bar + THEN.length()).strip();
        return head.isEmpty() ? tail : head + ". " + tail;
    }

    /** Inflects a short noun phrase into a case; empty when unsure. */
    interface Inflector {
        Optional<String> toCase(String phrase, String caseCode);

        Inflector NONE = (phrase, c) -> Optional.empty();
    }

    private Templates() {
    }

    /** Null when the template is well formed for these patterns, else what is wrong. */
    static String check(String template, List<TokenPattern> patterns) {
        if (template.indexOf('{') < 0 && template.indexOf('}') < 0) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (TokenPattern p : patterns) {
            names.addAll(p.captureNames());
        }
        Matcher m = SLOT.matcher(template);
        int at = 0;
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            rest.append(template, at, m.start());
            at = m.end();
            if (m.group(3) != null) {
                continue;
            }
            if (!names.contains(m.group(1))) {
                return "{" + m.group(1) + "} names no capture of the rule's patterns (captures: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
            }
            if (m.group(2) != null && !CASES.contains(m.group(2)) && !VERB_OPS.contains(m.group(2))) {
                return "{" + m.group(1) + ":" + m.group(2) + "}: the case is one of nom, gen, dat, acc, ins, loc (or inf: a verb's infinitive; imp: polite imperatives; lower: a lowered first capital)";
            }
        }
        rest.append(template.substring(at));
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            return "a placeholder is written {name}, {name:case} or {~lemma}";
        }
        return null;
    }

    static boolean hasSlots(String template) {
        return template.indexOf('{') >= 0;
    }

    /** The template filled from one match of the text; empty when a capture is missing or cannot be inflected. */
    /** A capture ending on a clause mark: its last gap ran over the clause's end. */
    private static final Pattern CROSSES_CLAUSE = Pattern.compile("[,;:—–]\\s*$");

    static Optional<String> fill(String template, String text, Match match, Inflector inflector) {
        if (!hasSlots(template)) {
            return Optional.of(template);
        }
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        int at = 0;
        while (m.find()) {
            out.append(template, at, m.start());
            at = m.end();
            if (m.group(3) != null) {
                Optional<String> like = likeMarked(m.group(3), text.substring(match.start(), match.end()));
                if (like.isEmpty()) {
                    return Optional.empty();
                }
                out.append(like.get());
                continue;
            }
            Match.Span s = match.captures().get(m.group(1));
            if (s == null) {
                return Optional.empty();
            }
            String words = text.substring(s.start(), s.end());
            if (CROSSES_CLAUSE.matcher(words).find() && words.codePoints().anyMatch(Character::isLetterOrDigit)) {
                // «не погасите — [отгрузки стоп,] подаём в суд»: a capture that ran into the next clause is no phrase of its own
                return Optional.empty();
            }
            if ("lower".equals(m.group(2))) {
                words = words.isEmpty() || !coach.text.Lang.isCyrillic(words.charAt(0)) ? Rewriter.decapitalise(words) : lowerUnlessName(words);
            } else if (m.group(2) != null && VERB_OPS.contains(m.group(2))) {
                Optional<String> v = verbs(words, m.group(2));
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                words = v.get();
            } else if (m.group(2) != null) {
                Optional<String> inflected = inflector.toCase(words, m.group(2));
                if (inflected.isEmpty()) {
                    return Optional.empty();
                }
                words = inflected.get();
            }
            out.append(words);
        }
        out.append(template.substring(at));
        return Optional.of(euphony(out.toString()));
    }

    private static final String CONS = "бвгджзклмнпрстфхцчшщ";
    private static final Pattern WITH = Pattern.compile("(?<!\\p{L})([сС]) (?=[сзшжСЗШЖ][" + CONS + "]|[вВ][ст]|[мМ]н)");
    private static final Pattern TOWARDS = Pattern.compile("(?<!\\p{L})([кК]) (?=[вВ][ст]|[мМ]н)");
    private static final Pattern IN = Pattern.compile("(?<!\\p{L})([вВ]) (?=[вфВФ][" + CONS + "]|[мМ]н)");

    /**
     * A preposition the template wrote before a filled-in phrase, in the form that phrase asks for: «лучше связаться с
     * {place:ins}» gives «со страховой компанией», not «с страховой»; likewise «ко всем», «во вторник».
     */
    static String euphony(String s) {
        if (s.indexOf(' ') < 0) {
            return s;
        }
        s = WITH.matcher(s).replaceAll("$1о ");
        s = TOWARDS.matcher(s).replaceAll("$1о ");
        return IN.matcher(s).replaceAll("$1о ");
    }

    /**
     * The words with a capital that only opened the client's sentence lowered, to go inside a new one: «Подтвердите
     * бронь» after «Пожалуйста, » is «подтвердите бронь». A name, place or organisation by the dictionary («Ольга»,
     * «Москва»), a word it does not know (a Latin one too) and an abbreviation («МФЦ») keep theirs.
     */
    static String lowerUnlessName(String phrase) {
        if (phrase.isEmpty() || !Character.isUpperCase(phrase.charAt(0))) {
            return phrase;
        }
        String first = phrase.split("\\s+")[0];
        if (first.length() > 1 && Character.isUpperCase(first.charAt(1))) {
            return phrase; // an abbreviation: «МФЦ»
        }
        List<coach.text.morph.Reading> rs = coach.text.morph.Morphology.russian().analyze(coach.text.Normalizer.norm(first));
        if (rs.isEmpty()) {
            return phrase; // a word the dictionary does not know may be a name
        }
        for (coach.text.morph.Reading r : rs) {
            if (r.has("Name") || r.has("Fam") || r.has("Patr") || r.has("Geox") || r.has("Orgn")) {
                return phrase;
            }
        }
        return Rewriter.decapitalise(phrase);
    }

    /** A lemma in the form of the marked word (one word): its case and number, or its verb form; empty when unsure. */
    static Optional<String> likeMarked(String lemma, String marked) {
        String w = marked.strip();
        if (w.isEmpty() || !w.codePoints().allMatch(Character::isLetter)) {
            return Optional.empty();
        }
        coach.text.morph.Morphology morph = coach.text.morph.Morphology.russian();
        List<coach.text.morph.Reading> rs = morph.analyze(coach.text.Normalizer.norm(w));
        Optional<String> out = Optional.empty();
        for (coach.text.morph.Reading r : rs) {
            if ((!r.isNoun() && !r.isVerb()) || r.has("Fam") || r.has("Name") || r.has("Patr")) {
                continue; // «наберу» is also the surname Набер
            }
            Optional<String> f = morph.inflectLike(lemma, r);
            if (f.isEmpty() || (out.isPresent() && !out.get().equals(f.get()))) {
                return Optional.empty(); // readings that disagree: unsure
            }
            out = f;
        }
        return out.map(f -> Character.isUpperCase(w.charAt(0)) ? Rewriter.capitalise(f) : f);
    }

    /**
     * The words with their verbs changed: {@code imp} turns each «вы» form (present or future, 2nd person plural) into
     * the polite imperative. Empty when no verb changes.
     */
    static Optional<String> verbs(String words, String op) {
        coach.text.morph.Morphology morph = coach.text.morph.Morphology.russian();
        Matcher w = Pattern.compile("[\\p{L}-]+").matcher(words);
        StringBuilder out = new StringBuilder(words.length() + 8);
        int at = 0;
        boolean changed = false;
        while (w.find()) {
            if (op.equals("inf") && changed) {
                break;
            }
            String form = w.group();
            String to = null;
            for (coach.text.morph.Reading r : morph.analyze(coach.text.Normalizer.norm(form))) {
                if (!r.isVerb()) {
                    continue;
                }
                String[] f = r.tag().split(":");
                if (f.length < 6 || !(f[1].equals("Fut") || f[1].equals("Real"))) {
                    continue;
                }
                List<String> forms;
                if (op.equals("imp")) {
                    if (!f[4].equals("PL") || !f[5].equals("P2")) {
                        continue;
                    }
                    forms = morph.synthesize(r.lemma(), "VB:IMP:" + f[2] + ":" + f[3] + ":PL:P2");
                } else {
                    forms = List.of(r.lemma());
                }
                if (!forms.isEmpty()) {
                    to = forms.get(0);
                    break;
                }
            }
            if (to != null) {
                out.append(words, at, w.start()).append(Character.isUpperCase(form.charAt(0)) ? Rewriter.capitalise(to) : to);
                at = w.end();
                changed = true;
            }
        }
        out.append(words.substring(at));
        return changed ? Optional.of(out.toString()) : Optional.empty();
    }
}
