package coach.phrasing;

import java.util.Locale;

/**
 * What kind of risk a rule or the tone model finds; the report and the i18n texts name it.
 * PRESSURE (ultimatums, threats, manipulative urgency), SARCASM, INFORMAL («ты» to a client, slang,
 * chat shorthand) and INSULT (name-calling, coarse and obscene words) come mostly from the tone
 * model and the word lists of {@code coach.tone}; shouting (capitals, «!!!») is RUDE.
 */
enum Category {
    DEFLECT, BLAME, REFUSE, DISMISS, RUDE, VAGUE, OVERPROMISE, JARGON, PRESSURE, SARCASM, INFORMAL, INSULT;

    /** Found by the tone model and word lists of coach.tone rather than by phrasing rules (no rule is required). */
    boolean byModel() {
        return this == PRESSURE || this == SARCASM || this == INFORMAL || this == INSULT;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Category of(String id) {
        for (Category c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
