package coach.core;

import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The commands every coach has, whatever its features: /start (what the coach does, buttons for the main
 * actions, a deep link into a command), /help (every listed command), /cancel (leaves the session in progress,
 * of any kind), small talk without a command, and /lang (the user's interface language) when there is somewhere
 * to keep it.
 */
public final class BasicCommands implements Feature {
    /**
     * What /start offers.
     *
     * @param buttons  the main actions, in order: command names; each shown when its command exists, labelled by
     *                 the text {@code start.btn.<name>}
     * @param deepLink the command a {@code /start <name>-<args>} link runs ({@code t.me/bot?start=drill-complaint}), or null
     * @param resume   the command whose {@code continue} shows where an open session stands (after a restart), or null
     */
    public record Menu(List<String> buttons, String deepLink, String resume) {
    }

    private final Menu menu;
    private final BiConsumer<String, Lang> languageStore;

    /** @param languageStore keeps a user's /lang choice (the core reads it back), or null for no /lang */
    public BasicCommands(Menu menu, BiConsumer<String, Lang> languageStore) {
        this.menu = menu;
        this.languageStore = languageStore;
    }

    /** /start, /help, /cancel and small talk (unlisted), in that order. */
    @Override
    public List<Command> commands() {
        return List.of(
                Command.of("start", "start.desc", this::start),
                Command.of("help", "help.desc", BasicCommands::help),
                Command.of("cancel", "cancel.desc", BasicCommands::cancel),
                Command.of("hello", "hello.desc", BasicCommands::smallTalk).unlisted());
    }

    /** /lang, when a store keeps the choice; the composition root lists it after the features' commands. */
    public List<Command> settings() {
        return languageStore == null ? List.of() : List.of(Command.of("lang", "lang.desc", this::lang));
    }

    /** /start: what the coach does, with buttons for the main actions; {@code /start <deepLink>-<args>} runs that command. */
    private List<Reply> start(Context ctx, String args) {
        if (menu.deepLink() != null && args.startsWith(menu.deepLink() + "-") && ctx.commands().find(menu.deepLink()).isPresent()) {
            return ctx.run(menu.deepLink(), args.substring(menu.deepLink().length() + 1));
        }
        Rich text = Rich.builder()
                .bold(ctx.t("start.title")).para()
                .text(ctx.t("start.body"))
                .build();
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (String name : menu.buttons()) {
            if (ctx.commands().find(name).isPresent()) {
                row.add(new Button(ctx.t("start.btn." + name), "/" + name));
                if (row.size() == 2) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        List<Reply> out = new ArrayList<>();
        out.add(Reply.of(text).withButtons(rows));
        // after a restart inside a drill, quiz or form: say so, and how to go on or leave
        ctx.session().ifPresent(s -> {
            String title = ctx.handler(s.kind()).map(h -> h.title(ctx, s)).orElse(s.kind());
            List<Button> row2 = new ArrayList<>();
            if (menu.resume() != null && ctx.commands().find(menu.resume()).isPresent()) {
                row2.add(new Button(ctx.t("start.open.continue"), "/" + menu.resume() + " continue"));
            }
            row2.add(new Button(ctx.t("start.open.leave"), "/cancel"));
            out.add(Reply.of(ctx.t("start.open", "title", title)).withButtons(List.of(row2)));
        });
        return out;
    }

    /** /help: every listed command with its description, and how free text is handled. */
    private static List<Reply> help(Context ctx, String args) {
        Rich.Builder b = Rich.builder().bold(ctx.t("help.title")).para();
        for (Command c : ctx.commands().listed()) {
            b.code("/" + c.name()).text(" — " + c.description(ctx.lang())).nl();
        }
        b.para().text(ctx.t("help.free_text"));
        if (ctx.commands().find("forget").isPresent()) {
            b.para().text(ctx.t("help.privacy")); // what is kept and how to delete it, where /forget exists
        }
        return List.of(Reply.of(b.build()));
    }

    /** /cancel: leaves the session in progress (a drill, the quiz, a form of any feature) with its handler's message. */
    private static List<Reply> cancel(Context ctx, String args) {
        Optional<SessionState> s = ctx.session();
        if (s.isEmpty()) {
            return List.of(Reply.of(ctx.t("cancel.nothing")));
        }
        ctx.endSession();
        return ctx.handler(s.get().kind()).map(h -> h.onCancel(ctx, s.get()))
                .orElse(List.of(Reply.of(ctx.t("cancel.done"))));
    }

    /**
     * Small talk and meta without a command («привет», «что ты умеешь», «спасибо», «помощь», «меню»):
     * a friendly answer and the way on, never a verdict on the words. Run by the router with the kind of small talk.
     */
    private static List<Reply> smallTalk(Context ctx, String args) {
        return switch (args.strip()) {
            case "help" -> ctx.run("help", "");
            case "thanks" -> List.of(Reply.of(ctx.t("chat.thanks")));
            case "bye" -> List.of(Reply.of(ctx.t("chat.bye")));
            case "ok" -> List.of(Reply.of(ctx.t("chat.ok")));
            default -> ctx.run("start", ""); // greeting, about, menu: who the coach is and the main actions
        };
    }

    /** /lang [ru|en]: the user's interface language, kept by the language store; without an argument, buttons to choose. */
    private List<Reply> lang(Context ctx, String args) {
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
        languageStore.accept(ctx.in().userId(), chosen);
        return List.of(Reply.of(Texts.get(chosen, "lang.set")));
    }
}
