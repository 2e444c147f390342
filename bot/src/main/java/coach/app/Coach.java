package coach.app;

import coach.core.CommandRegistry;
import coach.core.ConversationCore;
import coach.core.Permissions;
import coach.core.SessionHandler;
import coach.core.SessionStore;
import coach.drill.Drills;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.search.AskCommand;
import coach.search.HitFormatter;
import coach.search.SearchDoc;
import coach.search.SearchEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the features into one conversation core. Front ends (console, Telegram) and the batch
 * commands all start here, so they share the same behaviour.
 */
public final class Coach {
    private final KnowledgeBase kb;
    private final SearchEngine search;
    private final CommandRegistry registry;
    private final ConversationCore core;
    private Drills drills;

    private Coach(KnowledgeBase kb, SearchEngine search, CommandRegistry registry, ConversationCore core) {
        this.kb = kb;
        this.search = search;
        this.registry = registry;
        this.core = core;
    }

    /** The whole coach over the given content and session store. */
    public static Coach create(ContentSource source, SessionStore sessions, Permissions permissions) {
        KnowledgeBase kb = KnowledgeBase.load(source);
        SearchEngine search = searchEngine(kb);

        CommandRegistry registry = new CommandRegistry();
        List<SessionHandler> handlers = new ArrayList<>();
        registry.register(new StartCommand());
        registry.register(new HelpCommand());
        registry.register(new AskCommand(search, new HitFormatter(kb)));
        registry.register(new CancelCommand());

        // drills
        Drills drills = Drills.load(kb, riskyText(kb));
        drills.commands().forEach(registry::register);
        handlers.addAll(drills.handlers());

        ConversationCore core = new ConversationCore(registry, handlers, sessions, new QuestionOrDraftRouter(null), permissions);
        Coach coach = new Coach(kb, search, registry, core);
        coach.drills = drills;
        return coach;
    }

    /** The search index over the guide and every other searchable content (materials, …). */
    public static SearchEngine searchEngine(KnowledgeBase kb) {
        List<SearchDoc> extraDocs = new ArrayList<>();
        return SearchEngine.build(kb, extraDocs);
    }

    /**
     * Whether the phrasing engine finds something risky in a text: the drills' {@code polite} criterion.
     * Until the phrasing engine lands nothing counts as risky, so {@code polite} is then always met.
     */
    public static java.util.function.Predicate<String> riskyText(KnowledgeBase kb) {
        return text -> false;
    }

    public static Coach create() {
        return create(ContentSource.fromEnvironment(), SessionStore.inMemory(), Permissions.ALL);
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public SearchEngine search() {
        return search;
    }

    public CommandRegistry registry() {
        return registry;
    }

    public Drills drills() {
        return drills;
    }

    public ConversationCore core() {
        return core;
    }
}
