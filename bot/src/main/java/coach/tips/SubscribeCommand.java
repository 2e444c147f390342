package coach.tips;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.store.Store;
import coach.store.Subscription;
import coach.store.Subscriptions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /subscribe [HH:MM] [zone: a city, a UTC offset or an IANA id, see {@link Zones}]: the chat gets the tip of the day at that local time (default 09:00
 * Europe/Moscow, or the chat's previous setting). With no arguments in a subscribed chat it shows the
 * setting. Chat admins only; in a channel the bot must be allowed to post. An invalid time or zone
 * changes nothing. A change applies from the next slot of the new time.
 */
public final class SubscribeCommand implements Command.Handler {
    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final Pattern TIME_LIKE = Pattern.compile("\\d.*");

    private final Store store;
    private final Clock clock;
    private final Runnable onChange;

    private final Zones zones;

    SubscribeCommand(Store store, Clock clock, Runnable onChange, Zones zones) {
        this.zones = zones;
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String chatId = ctx.in().chatId();
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        Optional<Subscription> current;
        try {
            current = store.subscriptions().get(chatId);
        } catch (Subscriptions.BadRowException e) {
            // the stored setting cannot be read (e.g. a zone this version does not know): say so; a new setting replaces it
            if (words.length == 0) {
                Subscriptions.BadRow bad = e.row();
                String what = bad.field().equals("zone") || bad.field().equals("time") ? bad.field() : "other";
                return List.of(Reply.of(ctx.t("subscribe.unreadable." + what, "value", shorten(String.valueOf(bad.value())))));
            }
            current = Optional.empty();
        }
        if (words.length == 0 && current.isPresent() && current.get().enabled()) {
            return List.of(show(ctx, current.get(), "subscribe.current", null));
        }
        if (words.length > 5) {
            return List.of(Reply.of(ctx.t("subscribe.usage")));
        }
        // the time is the word that looks like one; everything else is the zone ("Нижний Новгород", "UTC+3")
        LocalTime time = null;
        StringBuilder zoneWords = new StringBuilder();
        for (String w : words) {
            Matcher m = TIME.matcher(w);
            if (m.matches() || (TIME_LIKE.matcher(w).matches() && zoneWords.length() == 0 && time == null)) {
                if (time != null || !m.matches()) {
                    return List.of(Reply.of(ctx.t("subscribe.bad_time", "value", shorten(w))));
                }
                int h = Integer.parseInt(m.group(1));
                int min = Integer.parseInt(m.group(2));
                if (h > 23 || min > 59) {
                    return List.of(Reply.of(ctx.t("subscribe.bad_time", "value", shorten(w))));
                }
                time = LocalTime.of(h, min);
            } else {
                zoneWords.append(zoneWords.length() == 0 ? "" : " ").append(w);
            }
        }
        ZoneId zone = null;
        String asked = zoneWords.toString();
        if (!asked.isEmpty()) {
            Optional<ZoneId> z = zones.resolve(asked);
            if (z.isEmpty()) {
                return List.of(Reply.of(ctx.t("subscribe.bad_zone", "value", shorten(asked))));
            }
            zone = z.get();
        }
        if (!ctx.permissions().botCanPost(chatId)) {
            return List.of(Reply.of(ctx.t("subscribe.cannot_post")));
        }
        if (time == null) {
            time = current.map(Subscription::time).orElse(DEFAULT_TIME);
        }
        if (zone == null) {
            zone = current.map(Subscription::zone).orElse(DEFAULT_ZONE);
        }
        Instant next = DailySlots.firstFrom(clock.instant(), time, zone);
        Subscription s = store.subscriptions().subscribe(chatId, ctx.in().chatType(), ctx.lang(), time, zone, ctx.in().userId(), next);
        onChange.run();
        return List.of(show(ctx, s, "subscribe.done", asked.isEmpty() ? null : asked));
    }

    private Reply show(Context ctx, Subscription s, String key, String asked) {
        Instant next = s.nextDueAt().isBefore(clock.instant()) ? clock.instant() : s.nextDueAt();
        ZonedDateTime local = next.atZone(s.zone());
        DateTimeFormatter f = DateTimeFormatter.ofPattern(ctx.t("subscribe.next_pattern"), Locale.forLanguageTag(ctx.lang().code()));
        String zone = s.zone() instanceof java.time.ZoneOffset ? Zones.describe(s.zone(), next) : s.zone().getId();
        Rich.Builder b = Rich.builder()
                .text(ctx.t(key, "time", s.time().toString(), "zone", zone, "next", local.format(f)));
        if (asked != null && !asked.equalsIgnoreCase(s.zone().getId())) {
            b.nl().text(ctx.t("subscribe.understood", "value", shorten(asked), "zone", Zones.describe(s.zone(), next)));
        }
        return Reply.of(b.para().text(ctx.t("subscribe.how")).build());
    }

    private static String shorten(String w) {
        return w.length() > 40 ? w.substring(0, 40) + "…" : w;
    }
}
