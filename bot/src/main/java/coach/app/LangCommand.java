package coach.app;

import coach.core.Button;
import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import coach.store.UserPrefs;
import coach.text.Lang;
import java.util.List;
import java.util.Locale;

/** /lang [ru|en]: the user's interface language, kept in the store; without an argument, buttons to choose. */
final class LangCommand implements Command {
    private final UserPrefs prefs;

    LangCommand(UserPrefs prefs) {
        this.prefs = prefs;
    }

    @Override
    public String name() {
        return "lang";
    }

    @Override
    public String description(Lang lang) {
        return lang == Lang.EN ? "Interface language: /lang ru or /lang en" : "Язык интерфейса: /lang ru или /lang en";
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        String a = args.strip().toLowerCase(Locale.ROOT);
        Lang chosen = switch (a) {
            case "ru", "рус", "русский", "russian" -> Lang.RU;
            case "en", "eng", "english", "английский" -> Lang.EN;
            default -> null;
        };
        if (chosen == null) {
            Reply ask = Reply.of(a.isEmpty() ? ctx.t("lang.current") : ctx.t("lang.unknown"))
                    .withButtons(List.of(List.of(new Button("Русский", "/lang ru"), new Button("English", "/lang en"))));
            return List.of(ask);
        }
        prefs.setLanguage(ctx.in().userId(), chosen);
        return List.of(Reply.of(coach.core.Texts.get(chosen, "lang.set")));
    }
}
