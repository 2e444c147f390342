package coach.core;

import coach.text.Lang;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What users read, in Russian and English, from {@code messages_ru.properties} and
 * {@code messages_en.properties}. Placeholders are {@code {name}}; values are inserted verbatim.
 */
public final class Texts {
    private static final Map<Lang, ResourceBundle> BUNDLES = new EnumMap<>(Lang.class);

    static {
        BUNDLES.put(Lang.RU, ResourceBundle.getBundle("messages", Locale.forLanguageTag("ru"), control()));
        BUNDLES.put(Lang.EN, ResourceBundle.getBundle("messages", Locale.ENGLISH, control()));
    }

    private static ResourceBundle.Control control() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }

    private Texts() {
    }

    /** The text for {@code key} with {@code {name}} placeholders filled from name/value pairs. */
    public static String get(Lang lang, String key, Object... pairs) {
        String s;
        try {
            s = BUNDLES.get(lang).getString(key);
        } catch (MissingResourceException e) {
            try {
                s = BUNDLES.get(Lang.RU).getString(key);
            } catch (MissingResourceException e2) {
                s = key;
            }
        }
        if (pairs.length == 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String ph = "{" + pairs[i] + "}";
            String v = String.valueOf(pairs[i + 1]);
            int at;
            int from = 0;
            while ((at = b.indexOf(ph, from)) >= 0) {
                b.replace(at, at + ph.length(), v);
                from = at + v.length();
            }
        }
        return b.toString();
    }

    public static boolean has(Lang lang, String key) {
        return BUNDLES.get(lang).containsKey(key);
    }
}
