package coach.text.morph;

import java.util.Locale;

/** Gives a generated form the capitalisation of the word it replaces: иван → иваном, Иван → Иваном, ИВАН → ИВАНОМ. */
public final class Casing {
    private Casing() {
    }

    /** {@code form} (lower case) written the way {@code original} is: all capitals, a capital first letter, or lower case. */
    public static String restore(String original, String form) {
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
