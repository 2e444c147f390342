package coach.match;

import coach.text.Token;
import java.util.List;
import java.util.Set;

/**
 * Negation scope for phrase sets whose matches state something positive (a rubric criterion: "an
 * apology is there"). A match is negated when, inside its own clause,
 * <ul>
 *   <li>a negator stands at most {@value #BEFORE} tokens before it ("не будем извиняться", "we will not apologise"),</li>
 *   <li>or, within {@value #AFTER} tokens after it, by a negator and a modal or auxiliary ("извиняться не буду",
 *       "извиняться за ожидание не буду"), or at once by a word of impossibility ("вернуть нельзя").</li>
 * </ul>
 * A negated comparative is no negation: "не раньше завтрашнего утра", "не позже 12:00", "no later than Friday".
 * Clause ends (, ; : . ! ? … and a spaced dash) bound the scope, so "Не переживайте, мы всё исправим" keeps its
 * remedy. "n't" is the tokens {@code ' t}.
 */
public final class Negation {
    static final int BEFORE = 2;
    static final int AFTER = 3;
    private static final Set<String> COMPARATIVES = Set.of("раньше", "позже", "позднее", "ранее", "менее", "более", "меньше", "больше",
            "later", "earlier", "less", "more", "sooner");
    private static final Set<String> NEGATORS = Set.of("не", "ни", "никак", "никогда", "not", "never", "no", "cannot", "nor");
    private static final Set<String> MODALS = Set.of("буду", "будем", "будут", "стану", "станем", "станут", "собираюсь", "собираемся",
            "можем", "могу", "сможем", "смогу", "хотим", "хочу", "планируем", "планирую", "обязаны", "обязан", "обязана", "должны",
            "должен", "должна", "получится", "выйдет", "готовы", "готов", "готова", "нужно", "надо", "будет", "станет");
    private static final Set<String> IMPOSSIBLE = Set.of("нельзя", "невозможно", "исключено");
    private static final Set<String> CLAUSE_END = Set.of(",", ";", ":", ".", "!", "?", "…", "(", ")", "—", "–");

    private Negation() {
    }

    /** Whether the match is inside a negation (see the class comment). */
    public static boolean negates(List<Token> tokens, Match m) {
        // a match that starts with its own negation ("не успеваем") is not negated again by "никак"
        boolean ownNegation = negator(tokens, m.fromToken());
        for (int k = m.fromToken() - 1; k >= 0 && k >= m.fromToken() - BEFORE; k--) {
            if (boundary(tokens, k)) {
                break;
            }
            if (!ownNegation && negator(tokens, k) && !(k + 1 < tokens.size() && COMPARATIVES.contains(tokens.get(k + 1).norm()))) {
                return true;
            }
        }
        int a = m.toToken();
        if (a < tokens.size()) {
            String n = tokens.get(a).norm();
            if (IMPOSSIBLE.contains(n)) {
                return true;
            }
            for (int k = a; k < tokens.size() - 1 && k <= a + AFTER && !boundary(tokens, k); k++) {
                if (negator(tokens, k) && MODALS.contains(tokens.get(k + 1).norm())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean negator(List<Token> tokens, int k) {
        String n = tokens.get(k).norm();
        if (NEGATORS.contains(n)) {
            return true;
        }
        // don't, won't, can't: the tokenizer gives "don ' t"
        return n.equals("t") && k > 0 && (tokens.get(k - 1).norm().equals("'") || tokens.get(k - 1).norm().equals("’"));
    }

    private static boolean boundary(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        return CLAUSE_END.contains(t.norm()) || (t.norm().equals("-") && k > 0 && tokens.get(k - 1).end() < t.start())
                || t.text().contains("\n");
    }
}
