package coach.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Someone else's words quoted in a message: «Вы написали: «сколько можно ждать»», "you said it was "rude"", «спасибо за
 * ваше «ок»». The writer quotes the client; the words are not the writer's tone, and not theirs to rephrase.
 */
public final class QuotedSpeech {
    private QuotedSpeech() {
    }

    /** Opening and closing quotation marks. */
    private static final String OPENING_QUOTES = "«„“\"";
    private static final String CLOSING_QUOTES = "»“”\"";

    /**
     * Words that say someone else's speech is quoted after them: «Вы написали: «…»», «клиент сказал "…"», "You
     * mentioned that the courier was "rude"" (prefixes of the forms).
     */
    private static final List<String> SPEECH_VERBS = List.of("написал", "писал", "пишете", "сказал", "говорил", "говорит",
            "спрашивал", "спросил", "просил", "попросил", "упомянул", "упоминал", "указал", "ответил", "отметил",
            "пожаловал", "жалуетесь", "назвал", "цитирую", "цитата", "формулировк", "said", "say", "wrote", "write",
            "mentioned", "asked", "told", "called", "complained", "described", "quote", "quoted", "words");

    /**
     * Whether tokens [from, to) lie inside a quotation of someone else's words: between a pair of quotation marks in one
     * sentence, with a verb of speech in the six tokens before the opening mark. The writer quotes the client («Вы
     * написали: «оффер будет 100%»»); the words are not theirs to rephrase.
     */
    public static boolean inside(List<Token> tokens, int from, int to) {
        int open = -1;
        for (int i = from - 1; i >= 0 && i >= from - 40; i--) {
            String x = tokens.get(i).text();
            if (x.length() == 1 && OPENING_QUOTES.indexOf(x.charAt(0)) >= 0) {
                open = i;
                break;
            }
            if (x.equals(".") || x.equals("!") || x.equals("?") || x.length() == 1 && "»”".indexOf(x.charAt(0)) >= 0) {
                return false;
            }
        }
        if (open < 0) {
            return false;
        }
        boolean closed = false;
        for (int i = to; i < tokens.size() && i < to + 40; i++) {
            String x = tokens.get(i).text();
            if (x.length() == 1 && CLOSING_QUOTES.indexOf(x.charAt(0)) >= 0) {
                closed = true;
                break;
            }
            if (x.length() == 1 && "«„".indexOf(x.charAt(0)) >= 0) {
                return false;
            }
        }
        if (!closed) {
            return false;
        }
        for (int i = open - 1; i >= 0 && i >= open - 6; i--) {
            String w = tokens.get(i).norm();
            if (w.equals(".") || w.equals("!") || w.equals("?")) {
                return false;
            }
            for (String v : SPEECH_VERBS) {
                if (w.startsWith(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Possessives that make a quoted word the client's own: «ваше «ок»», "your "ASAP"". */
    private static final java.util.Set<String> YOURS = java.util.Set.of("ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашему",
            "вашим", "вашу", "вашими", "ваших", "your");

    /**
     * The token ranges [open, close] (the quotation marks included) of the quotations in tokens [from, to) that quote
     * someone else: a verb of speech in the six tokens before the opening mark, or a possessive «ваш»/"your" right
     * before it.
     */
    public static List<int[]> spans(List<Token> tokens, int from, int to) {
        List<int[]> out = new ArrayList<>(0);
        for (int i = from; i < to; i++) {
            String x = tokens.get(i).text();
            if (x.length() != 1 || OPENING_QUOTES.indexOf(x.charAt(0)) < 0) {
                continue;
            }
            int close = -1;
            for (int j = i + 1; j < to; j++) {
                String y = tokens.get(j).text();
                if (y.length() == 1 && CLOSING_QUOTES.indexOf(y.charAt(0)) >= 0) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                break;
            }
            boolean yours = i > from && YOURS.contains(tokens.get(i - 1).norm());
            if (close > i + 1 && (yours || inside(tokens, i + 1, close))) {
                out.add(new int[] {i, close});
            }
            i = close;
        }
        return out;
    }
}
