package coach.phrasing;

import java.util.Locale;

/** What kind of risk a rule finds; the report and the i18n texts name it. */
enum Category {
    DEFLECT, BLAME, REFUSE, DISMISS, RUDE, VAGUE, OVERPROMISE, JARGON, PRESSURE, SARCASM, INFORMAL, INSULT;

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
