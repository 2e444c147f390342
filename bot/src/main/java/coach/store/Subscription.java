package coach.store;

import coach.core.ChatType;
import coach.text.Lang;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A chat's daily-tip subscription.
 *
 * @param chatId         the chat
 * @param chatType       private chat, group or channel
 * @param lang           the language tips are sent in (the subscriber's)
 * @param time           local send time
 * @param zone           the chat's time zone (IANA id)
 * @param enabled        false once unsubscribed, or after the bot was removed from the chat
 * @param disabledReason why it is disabled ({@link Subscriptions#REASON_UNSUBSCRIBED} and the like), or null
 * @param nextDueAt      the instant of the next daily slot the scheduler will act on
 * @param subscribedBy   the user who last changed it
 * @param weekday        the day of the week of a weekly feed (the team digest), null for daily tips
 */
public record Subscription(String chatId, ChatType chatType, Lang lang, LocalTime time, ZoneId zone,
                           boolean enabled, String disabledReason, Instant nextDueAt, String subscribedBy, java.time.DayOfWeek weekday) {

    public Subscription(String chatId, ChatType chatType, Lang lang, LocalTime time, ZoneId zone,
                        boolean enabled, String disabledReason, Instant nextDueAt, String subscribedBy) {
        this(chatId, chatType, lang, time, zone, enabled, disabledReason, nextDueAt, subscribedBy, null);
    }

    Subscription withWeekday(java.time.DayOfWeek d) {
        return new Subscription(chatId, chatType, lang, time, zone, enabled, disabledReason, nextDueAt, subscribedBy, d);
    }
}
