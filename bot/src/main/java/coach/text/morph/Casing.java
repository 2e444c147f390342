package coach.text.morph;

import java.util.Locale;

/**
 * Gives a generated form the spelling habits of the word it replaces: its capitalisation (иван →
 * иваном, Иван → Иваном, ИВАН → ИВАНОМ) and, for a writer who spells ё as е («счет»), е instead
 * of ё («счетом», not «счётом»).
 */
public final class Casing {
    private Casing() {
    }

    /** {@code form} (lower case) written the way {@code original} is: all capitals, a capital first letter, or lower case. */
    public static String restore(String original, String form) {
        if (form.indexOf('ё') >= 0 && original.indexOf('ё') < 0 && original.indexOf('Ё') < 0
                && (original.indexOf('е') >= 0 || original.indexOf('Е') >= 0)) {
            form = form.replace('ё', 'е');
        }
        int letters = 0;
        int upper = 0;
        boolean firstUpper = false;
        boolean seenLetter = false;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                    if (!seenLetter) {
                        firstUpper = true;
                    }
                }
                seenLetter = true;
            }
        }
        if (upper == 0 || form.isEmpty()) {
            return form;
        }
        if (upper == letters && letters > 1) {
            return form.toUpperCase(Locale.ROOT);
        }
        if (firstUpper) {
            int i = 0;
            while (i < form.length() && !Character.isLetter(form.charAt(i))) {
                i++;
            }
            if (i == form.length()) {
                return form;
            }
            return form.substring(0, i) + Character.toUpperCase(form.charAt(i)) + form.substring(i + 1);
        }
        return form;
    }
}
