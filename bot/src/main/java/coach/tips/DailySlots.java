package coach.tips;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a chat's daily tip is due. A slot is the local send time on a local date in the chat's zone,
 * resolved the way {@link ZonedDateTime#of} does: a time that does not exist on a spring-forward day
 * (02:30 in Berlin on the last Sunday of March) moves forward by the gap (03:30), and a time that
 * happens twice on a fall-back day is taken the first time. So every local date has exactly one slot.
 */
final class DailySlots {
    private DailySlots() {
    }

    static Instant slot(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    static LocalDate today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone);
    }

    /** The first slot at or after {@code now}. */
    static Instant firstFrom(Instant now, LocalTime time, ZoneId zone) {
        LocalDate today = today(now, zone);
        Instant s = slot(today, time, zone);
        return s.isBefore(now) ? slot(today.plusDays(1), time, zone) : s;
    }
}
