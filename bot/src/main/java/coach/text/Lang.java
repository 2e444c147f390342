package coach.text;

import java.util.Locale;

/** The two languages the coach speaks. Russian is the default everywhere. */
public enum Lang {
    RU, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps a Telegram-style language code ("en", "en-GB", "ru") to a UI language; anything but English is Russian. */
    public static Lang fromCode(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("en") ? EN : RU;
    }

    /**
     * Decides the language of a text by its script: Cyrillic letters make it Russian, Latin letters
     * make it English; a tie or a text without letters is Russian. Reliable on short texts, unlike
     * statistical detectors, and costs one pass over the characters.
     */
    public static Lang detect(CharSequence text) {
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    lat++;
                }
            } else if (c >= '\u0400' && c <= '\u04FF') { // the Unicode block CYRILLIC
                cyr++;
            }
        }
        return lat > cyr ? EN : RU;
    }
}
