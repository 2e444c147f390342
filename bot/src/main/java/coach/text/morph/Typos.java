package coach.text.morph;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects the plainest Russian misspellings in a suggestion, where the dictionary leaves no doubt: a lower-case word
 * the dictionary does not know that is one edit from exactly one word it does know, the edit being one a writer in a
 * hurry makes — a letter doubled or not doubled («адресс» → «адрес», «колекция» → «коллекция»), an unstressed vowel
 * mistaken for one that sounds alike («привизём» → «привезём»). Capitalised words (names, brands), short words, words with digits or Latin
 * letters, and words with two or more possible corrections stay as written. A suggestion is what the client will
 * read: the draft's typo should not go out in it.
 */
public final class Typos {
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\d-])[а-яё]{5,}(?![\\p{L}\\d-])");
    /** Unstressed vowels written for each other (а/о, е/и/я sound alike there): each letter with the ones taken for it. */
    private static final java.util.Map<Character, String> SOUNDS_ALIKE = java.util.Map.of('а', "о", 'о', "а", 'е', "ия", 'и', "е", 'я', "е");
    private static final String DOUBLED = "нслмртжкпф";

    private final Morphology morphology;

    public Typos(Morphology morphology) {
        this.morphology = morphology;
    }

    /** The text with each correctable word corrected; the text itself when none is. Never throws. */
    public String fix(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder b = null;
        int at = 0;
        while (m.find()) {
            String w = m.group();
            if (morphology.isKnown(w)) {
                continue;
            }
            String fixed = correction(w);
            if (fixed == null) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length());
            }
            b.append(text, at, m.start()).append(fixed);
            at = m.end();
        }
        return b == null ? text : b.append(text, at, text.length()).toString();
    }

    /** The one known word one likely edit away from an unknown word, or null. */
    String correction(String w) {
        Set<String> found = new LinkedHashSet<>(2);
        for (int i = 0; i < w.length() && found.size() < 2; i++) {
            char c = w.charAt(i);
            if (i + 1 < w.length() && w.charAt(i + 1) == c) {
                consider(w.substring(0, i) + w.substring(i + 1), found);
            } else if (DOUBLED.indexOf(c) >= 0 && i > 0 && (i + 1 == w.length() || w.charAt(i + 1) != c) && w.charAt(i - 1) != c) {
                consider(w.substring(0, i + 1) + w.substring(i), found);
            }
            String alike = SOUNDS_ALIKE.getOrDefault(c, "");
            for (int k = 0; k < alike.length() && found.size() < 2; k++) {
                consider(w.substring(0, i) + alike.charAt(k) + w.substring(i + 1), found);
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    private void consider(String candidate, Set<String> found) {
        if (morphology.isKnown(candidate)) {
            found.add(candidate);
        }
    }
}
