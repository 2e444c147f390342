package coach.text.morph;

/**
 * Animacy. Nouns carry it in their second tag field: {@code Anim}, {@code Inanim}, or
 * {@code Inanimanim} (both; {@link #BOTH}); names, patronymics and surnames ({@code Name},
 * {@code Patr}, {@code Fam}) are animate. Adjective-like accusatives (masculine and plural), whose
 * form depends on the noun's animacy, get a trailing {@code :Anim} («нового») or {@code :Inanim}
 * («новый») field from {@link Morphology#analyze} — an extension of the dictionary's tags that
 * {@link Morphology#synthesize} understands.
 */
public enum Animacy {
    ANIM("Anim"), INANIM("Inanim"), BOTH("Inanimanim");

    private final String tag;

    Animacy(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
