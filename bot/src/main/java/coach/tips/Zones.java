package coach.tips;

import coach.text.Normalizer;
import coach.kb.ContentException;
import coach.kb.KnowledgeBase;
import coach.kb.Yaml;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user may write for a time zone in /subscribe: a city in Russian or English («Москва»,
 * «Новосибирск», «Berlin», from {@value #FILE}), a UTC offset («UTC+3», «GMT-5», «+03:00», «+5:30»)
 * or an IANA id («Europe/Moscow», case-insensitive; an unambiguous last part such as «Almaty» too).
 */
public final class Zones {
    public static final String FILE = "tips/cities.yaml";
    private static final Set<String> IANA = new TreeSet<>(ZoneId.getAvailableZoneIds());
    private static final Pattern OFFSET = Pattern.compile("(?:utc|gmt|мск|msk)?\\s*([+\\-−–])\\s*(\\d{1,2})(?:[:.]?(\\d{2}))?");

    private final Map<String, ZoneId> cities = new HashMap<>();

    private Zones() {
    }

    /** Loads the city names; a bad zone id or a name listed twice stops start-up with the line. */
    public static Zones load(KnowledgeBase kb) {
        Zones z = new Zones();
        if (!kb.source().exists(FILE)) {
            return z;
        }
        Yaml.Node root = Yaml.parse(FILE, kb.source().read(FILE));
        if (!root.isMap()) {
            throw new ContentException(FILE, 1, "expected a map of IANA zone → list of city names");
        }
        for (Map.Entry<String, Yaml.Node> e : root.fields().entrySet()) {
            ZoneId zone;
            try {
                zone = ZoneId.of(e.getKey());
            } catch (DateTimeException ex) {
                throw e.getValue().error("unknown IANA time zone '" + e.getKey() + "'");
            }
            if (!e.getValue().isList() || e.getValue().isEmpty()) {
                throw e.getValue().error("'" + e.getKey() + "' needs a list of city names");
            }
            for (Yaml.Node n : e.getValue().items()) {
                String key = key(n.asText());
                if (key.isEmpty()) {
                    throw e.getValue().error("an empty city name under " + e.getKey());
                }
                ZoneId before = z.cities.put(key, zone);
                if (before != null) {
                    throw n.error("city '" + n.asText() + "' is listed twice ("
                            + before.getId() + ", " + zone.getId() + ")");
                }
            }
        }
        return z;
    }

    /** Case, ё/е, hyphens, dots and spaces do not matter. */
    static String key(String name) {
        return Normalizer.fold(name).replaceAll("[.’'`]", "").replaceAll("[\\s\\-–—_]+", " ").strip();
    }

    /** The zone a user's words mean, if any. */
    public Optional<ZoneId> resolve(String words) {
        String w = words.strip();
        if (w.isEmpty() || w.length() > 64) {
            return Optional.empty();
        }
        ZoneId city = cities.get(key(w));
        if (city != null) {
            return Optional.of(city);
        }
        Matcher m = OFFSET.matcher(w.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            int h = Integer.parseInt(m.group(2));
            int min = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (h > 14 || min > 59) {
                return Optional.empty();
            }
            int sign = m.group(1).equals("+") ? 1 : -1;
            try {
                return Optional.of(ZoneOffset.ofHoursMinutes(sign * h, sign * min));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.equals("utc") || lower.equals("gmt")) {
            return Optional.of(ZoneOffset.UTC);
        }
        return iana(w);
    }

    /** An IANA zone id, matched without regard to case; a bare last part ("Almaty") works when unambiguous. */
    static Optional<ZoneId> iana(String word) {
        if (!word.matches("[A-Za-z0-9_/+\\-]+")) {
            return Optional.empty();
        }
        String suffix = "/" + word.toLowerCase(Locale.ROOT);
        int bySuffix = 0;
        String suffixMatch = null;
        for (String id : IANA) {
            if (id.equalsIgnoreCase(word)) {
                return Optional.of(ZoneId.of(id));
            }
            if (id.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                bySuffix++;
                suffixMatch = id;
            }
        }
        return bySuffix == 1 && !word.contains("/") ? Optional.of(ZoneId.of(suffixMatch)) : Optional.empty();
    }

    /** "Asia/Novosibirsk, UTC+7" — the zone as the coach confirms it (the offset as of {@code at}). */
    static String describe(ZoneId zone, java.time.Instant at) {
        ZoneOffset off = zone.getRules().getOffset(at);
        String o = off.getTotalSeconds() == 0 ? "UTC" : "UTC" + (off.getId().replaceFirst(":00$", "").replaceFirst("^([+-])0", "$1"));
        return zone instanceof ZoneOffset ? o : zone.getId() + ", " + o;
    }
}
