package coach.progress;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.store.Feed;
import coach.store.Store;
import coach.store.Subscription;
import coach.store.Subscriptions;
import coach.store.TipLedger;
import coach.tips.TipScheduler;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weekly team digest: {@code /subscribe weekly [day] [HH:MM] [zone]} in a group (admins; default
 * Friday 16:00 in the group's daily-tips zone or Europe/Moscow), {@code /unsubscribe weekly}, and the
 * programme the tips scheduler runs for it: once per week at that local time, claimed before it is sent
 * in the {@link Feed#WEEKLY} delivery records, exactly as daily tips.
 */
final class WeeklyDigest implements TipScheduler.Programme {
    static final DayOfWeek DEFAULT_DAY = DayOfWeek.FRIDAY;
    static final LocalTime DEFAULT_TIME = LocalTime.of(16, 0);
    static final String ITEM = "digest";
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = days();

    private final ProgressFeature feature;
    private final Store store;
    private final Subscriptions subscriptions;
    private final Clock clock;
    private final Runnable onChange;
    private final Function<String, Optional<ZoneId>> zones;

    WeeklyDigest(ProgressFeature feature, Store store, Clock clock, Runnable onChange, Function<String, Optional<ZoneId>> zones) {
        this.feature = feature;
        this.store = store;
        this.subscriptions = Subscriptions.of(store, Feed.WEEKLY);
        this.clock = clock;
        this.onChange = onChange;
        this.zones = zones;
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    // ---------------------------------------------------------------- the programme

    @Override
    public LocalDate period(LocalDate today, Subscription s) {
        DayOfWeek d = s.weekday() == null ? DEFAULT_DAY : s.weekday();
        return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(d.getValue() - 1L);
    }

    @Override
    public LocalDate next(LocalDate period) {
        return period.plusWeeks(1);
    }

    @Override
    public Optional<String> claim(TipLedger ledger, Subscription s, LocalDate date, Instant nextSlot, String instance, Instant now) {
        return ledger.claimSlot(s.chatId(), date, nextSlot, instance, now, ITEM) ? Optional.of(ITEM) : Optional.empty();
    }

    @Override
    public Optional<Reply> message(Subscription s, String itemId, LocalDate date) {
        return ITEM.equals(itemId) ? Optional.of(feature.digest(s.chatId(), s.lang(), s.zone())) : Optional.empty();
    }

    @Override
    public String name() {
        return "weekly digest";
    }

    /** The first weekly slot at or after {@code now}. */
    Instant firstFrom(Instant now, DayOfWeek day, LocalTime time, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate d = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(day.getValue() - 1L);
        Instant slot = d.atTime(time).atZone(zone).toInstant();
        return slot.isBefore(now) ? d.plusWeeks(1).atTime(time).atZone(zone).toInstant() : slot;
    }

    // ---------------------------------------------------------------- /subscribe weekly, /unsubscribe weekly

    /** The arguments after "weekly": [day] [HH:MM] [zone], in any order. */
    record Setting(DayOfWeek day, LocalTime time, ZoneId zone) {
    }

    /**
     * Parses "[day] [HH:MM] [zone]": the day and the time are the words that look like them, all other
     * words together are the zone, read as /subscribe reads it. An error key and the offending words otherwise.
     */
    static Object parse(String args, Function<String, Optional<ZoneId>> zones) {
        DayOfWeek day = null;
        LocalTime time = null;
        StringBuilder zoneWords = new StringBuilder();
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (words.length > 6) {
            return new String[]{"weekly.usage", ""};
        }
        for (String w : words) {
            String lw = w.toLowerCase(Locale.ROOT).replace('ё', 'е');
            Matcher m = TIME.matcher(w);
            if (DAYS.containsKey(lw)) {
                if (day != null) {
                    return new String[]{"weekly.bad_day", w};
                }
                day = DAYS.get(lw);
            } else if (m.matches() || (Character.isDigit(w.charAt(0)) && zoneWords.length() == 0)) {
                if (time != null || !m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59) {
                    return new String[]{"subscribe.bad_time", w};
                }
                time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } else {
                zoneWords.append(zoneWords.length() == 0 ? "" : " ").append(w);
            }
        }
        ZoneId zone = null;
        if (zoneWords.length() > 0) {
            Optional<ZoneId> z = zones.apply(zoneWords.toString());
            if (z.isEmpty()) {
                return new String[]{"weekly.bad_word", zoneWords.toString()};
            }
            zone = z.get();
        }
        return new Setting(day, time, zone);
    }

    Command.Handler subscribeCommand() {
        return new Sub(true);
    }

    Command.Handler unsubscribeCommand() {
        return new Sub(false);
    }

    /** The weekly variant of /subscribe or /unsubscribe (run by those commands, which check admins). */
    private final class Sub implements Command.Handler {
        private final boolean subscribe;

        Sub(boolean subscribe) {
            this.subscribe = subscribe;
        }

        @Override
        public List<Reply> run(Context ctx, String args) {
            if (!ctx.in().chatType().isGroupLike()) {
                return List.of(Reply.of(ctx.t("weekly.needs_group")));
            }
            String chatId = ctx.in().chatId();
            Optional<Subscription> current = subscriptions.get(chatId);
            if (!subscribe) {
                if (subscriptions.disable(chatId, Subscriptions.REASON_UNSUBSCRIBED)) {
                    onChange.run();
                    return List.of(Reply.of(ctx.t("weekly.unsubscribed")));
                }
                return List.of(Reply.of(ctx.t("weekly.none")));
            }
            if (args.isBlank() && current.isPresent() && current.get().enabled()) {
                return List.of(show(ctx, current.get(), "weekly.current"));
            }
            Object parsed = parse(args, zones);
            if (parsed instanceof String[] err) {
                String w = err[1].length() > 40 ? err[1].substring(0, 40) + "…" : err[1];
                return List.of(Reply.of(ctx.t(err[0], "value", w)));
            }
            Setting st = (Setting) parsed;
            if (!ctx.permissions().botCanPost(chatId)) {
                return List.of(Reply.of(ctx.t("subscribe.cannot_post")));
            }
            DayOfWeek day = st.day() != null ? st.day() : current.map(Subscription::weekday).orElse(DEFAULT_DAY);
            LocalTime time = st.time() != null ? st.time() : current.map(Subscription::time).orElse(DEFAULT_TIME);
            ZoneId zone = st.zone() != null ? st.zone() : current.map(Subscription::zone)
                    .or(() -> feature.digestZone(chatId)).orElse(ProgressFeature.DEFAULT_ZONE);
            Instant next = firstFrom(clock.instant(), day, time, zone);
            Subscription s = subscriptions.subscribe(chatId, ctx.in().chatType(), ctx.lang(), day, time, zone, ctx.in().userId(), next);
            onChange.run();
            return List.of(show(ctx, s, "weekly.done"));
        }
    }

    private Reply show(Context ctx, Subscription s, String key) {
        Locale locale = Locale.forLanguageTag(ctx.lang().code());
        Instant next = s.nextDueAt().isBefore(clock.instant()) ? firstFrom(clock.instant(), s.weekday(), s.time(), s.zone()) : s.nextDueAt();
        String date = next.atZone(s.zone()).format(DateTimeFormatter.ofPattern(ctx.t("team.date_pattern"), locale));
        return Reply.of(ctx.t(key, "day", s.weekday().getDisplayName(TextStyle.FULL_STANDALONE, locale), "time", s.time().toString(),
                "zone", s.zone().getId(), "next", date));
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> m = new java.util.HashMap<>();
        String[][] names = {
            {"пн", "понедельник", "mon", "monday"},
            {"вт", "вторник", "tue", "tuesday"},
            {"ср", "среда", "среду", "wed", "wednesday"},
            {"чт", "четверг", "thu", "thursday"},
            {"пт", "пятница", "пятницу", "fri", "friday"},
            {"сб", "суббота", "субботу", "sat", "saturday"},
            {"вс", "воскресенье", "sun", "sunday"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, DayOfWeek.of(i + 1));
            }
        }
        return Map.copyOf(m);
    }
}
