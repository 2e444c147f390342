package coach.progress;

import coach.core.Button;
import coach.core.ChatEvents;
import coach.core.Command;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.Texts;
import coach.drill.DrillResults;
import coach.drill.Drills;
import coach.drill.Scenario;
import coach.store.Practice;
import coach.store.Store;
import coach.store.Subscription;
import coach.text.Lang;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress, weak spots and the team view: /progress, /share, /team, /forget; the drills' results
 * recorder (per-criterion outcomes, quiz review boxes, what /drill suggests first); who is in which
 * group (from {@link #chatEvents()}); the quiz review offer under a private daily tip; and the
 * weekly team digest.
 *
 * <pre>
 * ProgressFeature p = ProgressFeature.create(store, drills, clock);
 * p.commands().forEach(registry::register);
 * drills.recordResults(p.results(bestKeeper));
 * </pre>
 */
public final class ProgressFeature implements coach.core.Feature {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressFeature.class);
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    private final Store store;
    private final Practice practice;
    private final Drills drills;
    private final Clock clock;
    private final TeamView team;
    private volatile WeeklyDigest weekly;
    /** (chat, user) → when the membership was last written: a busy group costs one write per member and interval. */
    private final java.util.Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
    static final long SEEN_INTERVAL_MS = java.time.Duration.ofMinutes(10).toMillis();
    static final int SEEN_MAX = 100_000;

    private ProgressFeature(Store store, Drills drills, Clock clock) {
        this.store = store;
        this.practice = Practice.of(store);
        this.drills = drills;
        this.clock = clock;
        this.team = new TeamView(this);
    }

    public static ProgressFeature create(Store store, Drills drills, Clock clock) {
        return new ProgressFeature(store, drills, clock);
    }

    /**
     * Hooks into the tips feature: the weekly digest as another feed of its scheduler, its
     * {@code /subscribe weekly} and {@code /unsubscribe weekly}, and the quiz review offer under private daily tips.
     */
    public void attachTo(coach.tips.Tips tips) {
        WeeklyDigest w = new WeeklyDigest(this, store, clock, tips::subscriptionsChanged, tips.zoneResolver());
        this.weekly = w;
        tips.addFeed(coach.store.Feed.WEEKLY, w);
        tips.addSubscribeVariant("weekly", w.subscribeCommand(), w.unsubscribeCommand());
        tips.addToTips(this::withDueReviews);
    }

    /** /progress, /share, /team (chat admins only in groups), /forget. */
    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("progress", "progress.desc", new ProgressCommand(this)),
                Command.of("share", "share.desc", new ShareCommand(practice)),
                Command.of("team", "team.desc", new TeamCommand(team)).adminOnly(),
                Command.of("forget", "forget.desc", new ForgetCommand(this)));
    }

    /** The drills' recorder: keeps runs and criteria here, the personal best with {@code best}. */
    public DrillResults results(DrillResults best) {
        return new Recorder(this, practice, drills, best == null ? DrillResults.NONE : best, clock);
    }

    /** Group members as the transport sees them write. */
    @Override
    public ChatEvents chatEvents() {
        return new ChatEvents() {
            @Override
            public void memberSeen(String chatId, String userId, String displayName) {
                long now = clock.millis();
                String key = chatId + "|" + userId;
                Long last = seen.get(key);
                if (last != null && now - last < SEEN_INTERVAL_MS) {
                    return;
                }
                if (seen.size() > SEEN_MAX) {
                    seen.clear();
                }
                practice.memberSeen(chatId, userId, displayName, clock.instant());
                seen.put(key, now);
            }

            @Override
            public void memberLeft(String chatId, String userId) {
                seen.remove(chatId + "|" + userId);
                practice.memberLeft(chatId, userId);
            }

            @Override
            public void chatMigrated(String fromChatId, String toChatId) {
                seen.keySet().removeIf(k -> k.startsWith(fromChatId + "|"));
                practice.migrateChat(fromChatId, toChatId);
            }

            @Override
            public void botRemoved(String chatId) {
                WeeklyDigest w = weekly;
                if (w != null) {
                    w.subscriptions().disable(chatId, coach.store.Subscriptions.REASON_REMOVED);
                }
            }
        };
    }

    /**
     * The daily tip of a private subscription, with the quiz questions due for review offered under
     * it (a button to /quiz review); other tips unchanged.
     */
    public Reply withDueReviews(Subscription s, Reply tip) {
        if (s.chatType().isGroupLike()) {
            return tip;
        }
        try {
            String user = s.subscribedBy() != null ? s.subscribedBy() : s.chatId();
            int due = practice.dueReviews(user, clock.instant()).size();
            if (due == 0) {
                return tip;
            }
            Rich text = Rich.builder().append(tip.text()).para().italic(Texts.get(s.lang(), "progress.tip.review", "count", due)).build();
            List<List<Button>> rows = new ArrayList<>(tip.buttons());
            rows.add(List.of(new Button(Texts.get(s.lang(), "quiz.btn.review", "count", due), "/quiz review")));
            return tip.withText(text).withButtons(rows);
        } catch (RuntimeException e) {
            LOG.warn("quiz reviews unavailable for the daily tip to chat {}: {}", s.chatId(), e.getMessage());
            return tip;
        }
    }

    /** The weekly digest of a group: the team view of this week. */
    public Reply digest(String chatId, Lang lang, ZoneId zone) {
        return team.reply(chatId, lang, zone, true);
    }

    // ---------------------------------------------------------------- shared with the commands

    History history(String userId) {
        return History.of(practice.runs(userId, null, null), practice.criteria(userId, null));
    }

    Practice practice() {
        return practice;
    }

    Drills drills() {
        return drills;
    }

    Clock clock() {
        return clock;
    }

    /** The start of the current week (Monday 00:00) in {@code zone}. */
    Instant weekStart(ZoneId zone) {
        return clock.instant().atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
    }

    /** Deletes everything the store holds about the user (see {@link Practice#forget}). */
    void forget(String userId, String privateChatId) {
        practice.forget(userId, privateChatId);
        seen.keySet().removeIf(k -> k.endsWith("|" + userId));
    }

    /** The zone a group keeps its week in: its weekly digest's, else its daily tips'. */
    Optional<ZoneId> digestZone(String chatId) {
        try {
            WeeklyDigest w = weekly;
            Optional<Subscription> digest = w == null ? Optional.empty() : w.subscriptions().get(chatId).filter(Subscription::enabled);
            return digest.or(() -> store.subscriptions().get(chatId)).map(Subscription::zone);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The personal bests in the store's progress items ("drill.&lt;id&gt;.best"), by scenario id. */
    java.util.Map<String, Integer> storedBests(String userId) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        store.progress().all(userId, "drill.").forEach((k, v) -> {
            if (k.endsWith(".best")) {
                try {
                    out.put(k.substring("drill.".length(), k.length() - ".best".length()), Integer.parseInt(v.strip()));
                } catch (NumberFormatException e) {
                    // not a score: ignore
                }
            }
        });
        return out;
    }

    /** Whether the group gets the weekly digest. */
    boolean hasDigest(String chatId) {
        WeeklyDigest w = weekly;
        try {
            return w != null && w.subscriptions().get(chatId).map(Subscription::enabled).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    String criterionName(String id, Lang lang) {
        return drills.criterionName(id, lang).orElse(id);
    }

    String scenarioTitle(String id, Lang lang) {
        return drills.scenario(id).map(s -> s.title(lang)).orElse(id);
    }

    /**
     * The drill that trains a criterion for this user: among the scenarios training it, one not tried
     * yet, else the one with the lowest best score.
     */
    Optional<String> trainingScenario(String criterionId, History h) {
        List<Scenario> candidates = drills.scenariosTraining(criterionId);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, Integer> best = new java.util.HashMap<>();
        h.scores(Practice.DRILL).forEach(s -> best.put(s.itemId(), s.best()));
        Scenario pick = candidates.get(0);
        int pickBest = best.getOrDefault(pick.id(), -1);
        for (Scenario s : candidates) {
            int b = best.getOrDefault(s.id(), -1);
            if (b < pickBest) {
                pick = s;
                pickBest = b;
            }
        }
        return Optional.of(pick.id());
    }
}
