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
 *   {v:inf}     a captured verb as its infinitive: «точно [v успеем ]» → «рассчитываем {v:inf}» gives «рассчитываем успеть»
 * </pre>
 *
 * A template whose capture did not take part in a match, or whose inflection the morphology cannot do with
 * confidence, gives nothing for that match: the rewriter then tries the next replacement or none.
 */
final class Templates {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z][a-z0-9_]*)(?::([a-z]+))?\\}");
    static final Set<String> CASES = Set.of("nom", "gen", "dat", "acc", "ins", "loc", "inf");
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
            if (!names.contains(m.group(1))) {
                return "{" + m.group(1) + "} names no capture of the rule's patterns (captures: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
            }
            if (m.group(2) != null && !CASES.contains(m.group(2))) {
                return "{" + m.group(1) + ":" + m.group(2) + "}: the case is one of nom, gen, dat, acc, ins, loc (or inf: a verb's infinitive)";
            }
        }
        rest.append(template.substring(at));
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            return "a placeholder is written {name} or {name:case}";
        }
        return null;
    }

    static boolean hasSlots(String template) {
        return template.indexOf('{') >= 0;
    }

    /** The template filled from one match of the text; empty when a capture is missing or cannot be inflected. */
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
            Match.Span s = match.captures().get(m.group(1));
            if (s == null) {
                return Optional.empty();
            }
            String words = text.substring(s.start(), s.end());
            if (m.group(2) != null) {
                Optional<String> inflected = inflector.toCase(words, m.group(2));
                if (inflected.isEmpty()) {
                    return Optional.empty();
                }
                words = inflected.get();
            }
            out.append(words);
        }
        out.append(template.substring(at));
        return Optional.of(out.toString());
    }
}
