package coach.progress;

import coach.core.Button;
import coach.core.Reply;
import coach.core.Rich;
import coach.core.Texts;
import coach.store.Practice;
import coach.text.Lang;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The team view of a group (/team and the weekly digest): for each member who shared, the drills
 * done this week, their average score and weakest criterion; members who did not share are counted,
 * never named; the group's most common weak criterion with a button to the drill that trains it.
 */
final class TeamView {
    private final ProgressFeature feature;

    TeamView(ProgressFeature feature) {
        this.feature = feature;
    }

    /** The group's zone for "this week": its weekly digest's, else its daily tips', else Moscow. */
    ZoneId zone(String chatId) {
        return feature.digestZone(chatId).orElse(ProgressFeature.DEFAULT_ZONE);
    }

    Reply reply(String chatId, Lang lang, ZoneId zone, boolean digest) {
        Practice practice = feature.practice();
        Instant since = feature.weekStart(zone);
        List<Practice.Member> members = practice.members(chatId);
        String from = since.atZone(zone).format(DateTimeFormatter.ofPattern(Texts.get(lang, "team.date_pattern"), Locale.forLanguageTag(lang.code())));
        Rich.Builder b = Rich.builder().bold(Texts.get(lang, digest ? "team.digest.title" : "team.title", "from", from)).para();
        if (members.isEmpty()) {
            b.text(Texts.get(lang, "team.no_members"));
            return Reply.of(b.build());
        }
        int hidden = 0;
        Map<String, Integer> weakCount = new LinkedHashMap<>();
        Map<String, int[]> weakRate = new LinkedHashMap<>();
        List<Practice.Member> shown = new ArrayList<>();
        for (Practice.Member m : members) {
            if (!m.shared()) {
                hidden++;
                continue;
            }
            shown.add(m);
            History h = History.of(practice.runs(m.userId(), Practice.DRILL, since), practice.criteria(m.userId(), since));
            int drills = h.count(Practice.DRILL);
            b.text("• ").bold(m.displayName()).text(" — ");
            if (drills == 0) {
                b.text(Texts.get(lang, "team.member.none"));
            } else {
                b.text(Texts.get(lang, "team.member.drills", "drills", drills, "score", h.average(Practice.DRILL)));
            }
            Optional<History.CriterionStat> weak = h.weakest(1).stream().findFirst();
            if (weak.isPresent()) {
                String id = weak.get().criterionId();
                b.text(Texts.get(lang, "team.member.weak", "name", feature.criterionName(id, lang)));
                weakCount.merge(id, 1, Integer::sum);
                int[] r = weakRate.computeIfAbsent(id, k -> new int[2]);
                r[0] += weak.get().met();
                r[1] += weak.get().assessed();
            }
            b.nl();
        }
        if (shown.isEmpty()) {
            b.text(Texts.get(lang, "team.nobody_shared")).nl();
        }
        if (hidden > 0) {
            b.nl().text(Texts.get(lang, "team.hidden", "count", hidden)).nl();
        }
        List<List<Button>> rows = new ArrayList<>();
        Optional<String> common = weakCount.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparingDouble(e -> rate(weakRate.get(e.getKey())))
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).findFirst();
        if (common.isPresent()) {
            String name = feature.criterionName(common.get(), lang);
            b.nl().text(Texts.get(lang, "team.common_weak", "name", name));
            Optional<String> drill = feature.drills().scenariosTraining(common.get()).stream().findFirst().map(s -> s.id());
            if (drill.isPresent()) {
                rows.add(List.of(new Button(Texts.get(lang, "progress.btn.train", "name", name.length() > 40 ? name.substring(0, 39) + "…" : name),
                        "/drill " + drill.get())));
            }
        }
        b.para().italic(Texts.get(lang, "team.how"));
        if (!digest && !feature.hasDigest(chatId)) {
            b.nl().italic(Texts.get(lang, "team.weekly_hint"));
        }
        return Reply.of(b.build()).withButtons(rows);
    }

    private static double rate(int[] r) {
        return r == null || r[1] == 0 ? 1.0 : (double) r[0] / r[1];
    }
}
