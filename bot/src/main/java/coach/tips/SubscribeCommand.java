package coach.tips;

import coach.core.Access;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.Texts;
import coach.store.Store;
import coach.store.Subscription;
import coach.text.Lang;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /subscribe [HH:MM] [IANA zone]: the chat gets the tip of the day at that local time (default 09:00
 * Europe/Moscow, or the chat's previous setting). With no arguments in a subscribed chat it shows the
 * setting. Chat admins only; in a channel the bot must be allowed to post. An invalid time or zone
 * changes nothing. A change applies from the next slot of the new time.
 */
public final class SubscribeCommand implements Command {
    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final Pattern TIME_LIKE = Pattern.compile("\\d.*");
    private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

    private final Store store;
    private final Clock clock;
    private final Runnable onChange;

    SubscribeCommand(Store store, Clock clock, Runnable onChange) {
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public Access access() {
        return Access.CHAT_ADMIN;
    }

    @Override
    public String description(Lang lang) {
        return Texts.get(lang, "subscribe.desc");
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String chatId = ctx.in().chatId();
        Optional<Subscription> current = store.subscriptions().get(chatId);
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (words.length == 0 && current.isPresent() && current.get().enabled()) {
            return List.of(show(ctx, current.get(), "subscribe.current"));
        }
        if (words.length > 2) {
            return List.of(Reply.of(ctx.t("subscribe.usage")));
        }
        LocalTime time = null;
        ZoneId zone = null;
        for (String w : words) {
            Matcher m = TIME.matcher(w);
            if (m.matches() || TIME_LIKE.matcher(w).matches()) {
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
                Optional<ZoneId> z = zone(w);
                if (z.isEmpty() || zone != null) {
                    return List.of(Reply.of(ctx.t("subscribe.bad_zone", "value", shorten(w))));
                }
                zone = z.get();
            }
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
        return List.of(show(ctx, s, "subscribe.done"));
    }

    private Reply show(Context ctx, Subscription s, String key) {
        Instant next = s.nextDueAt().isBefore(clock.instant()) ? clock.instant() : s.nextDueAt();
        ZonedDateTime local = next.atZone(s.zone());
        DateTimeFormatter f = DateTimeFormatter.ofPattern(ctx.t("subscribe.next_pattern"), Locale.forLanguageTag(ctx.lang().code()));
        Rich text = Rich.builder()
                .text(ctx.t(key, "time", s.time().toString(), "zone", s.zone().getId(), "next", local.format(f)))
                .para()
                .text(ctx.t("subscribe.how"))
                .build();
        return Reply.of(text);
    }

    /** An IANA zone id, matched without regard to case; a bare city ("Berlin") works when unambiguous. */
    static Optional<ZoneId> zone(String word) {
        if (word.length() > 64 || !word.matches("[A-Za-z0-9_/+\\-]+")) {
            return Optional.empty();
        }
        String found = null;
        String suffix = "/" + word.toLowerCase(Locale.ROOT);
        int bySuffix = 0;
        String suffixMatch = null;
        for (String id : ZONES) {
            if (id.equalsIgnoreCase(word)) {
                found = id;
                break;
            }
            if (id.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                bySuffix++;
                suffixMatch = id;
            }
        }
        if (found == null && bySuffix == 1 && !word.contains("/")) {
            found = suffixMatch;
        }
        return found == null ? Optional.empty() : Optional.of(ZoneId.of(found));
    }

    private static String shorten(String w) {
        return w.length() > 40 ? w.substring(0, 40) + "…" : w;
    }
}
