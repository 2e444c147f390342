package coach.core;

import coach.text.Lang;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What users read, in Russian and English. Each feature keeps its own pair of bundles in
 * {@code i18n/<feature>_ru.properties} and {@code i18n/<feature>_en.properties} (UTF-8); a key is looked
 * up in every feature's bundle for the language, then in Russian. Placeholders are {@code {name}};
 * values are inserted verbatim.
 */
public final class Texts {
    /** Feature bundles, in lookup order. A missing bundle is skipped. */
    static final List<String> FEATURES = List.of("core", "app", "search", "phrasing", "drill", "telegram", "tips", "materials", "store", "progress");
    /**
     * Each feature's bundle per language, read on first use in lookup order (a one-off command reads the few it needs,
     * not all twenty); {@link #NONE} where a feature has no texts in that language.
     */
    private static final Map<Lang, java.util.concurrent.atomic.AtomicReferenceArray<ResourceBundle>> BUNDLES = new EnumMap<>(Lang.class);
    private static final ResourceBundle NONE = new java.util.ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[0][];
        }
    };

    static {
        for (Lang l : Lang.values()) {
            BUNDLES.put(l, new java.util.concurrent.atomic.AtomicReferenceArray<>(FEATURES.size()));
        }
    }

    private static ResourceBundle bundle(Lang l, int feature) {
        java.util.concurrent.atomic.AtomicReferenceArray<ResourceBundle> loaded = BUNDLES.get(l);
        ResourceBundle b = loaded.get(feature);
        if (b == null) {
            try {
                b = ResourceBundle.getBundle("i18n." + FEATURES.get(feature), Locale.forLanguageTag(l.code()), control());
            } catch (MissingResourceException e) {
                b = NONE; // this feature has no texts in this language
            }
            loaded.compareAndSet(feature, null, b);
        }
        return b;
    }

    private static ResourceBundle.Control control() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }

    private Texts() {
    }

    private static String lookup(Lang lang, String key) {
        for (int f = 0; f < FEATURES.size(); f++) {
            ResourceBundle b = bundle(lang, f);
            if (b != NONE && b.containsKey(key)) {
                return b.getString(key);
            }
        }
        return null;
    }

    /** The text for {@code key} with {@code {name}} placeholders filled from name/value pairs. */
    public static String get(Lang lang, String key, Object... pairs) {
        String s = lookup(lang, key);
        if (s == null) {
            s = lookup(Lang.RU, key);
        }
        if (s == null) {
            s = key;
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

}
