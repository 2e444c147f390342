package coach.app;

import coach.core.CommandRegistry;
import coach.core.ConversationCore;
import coach.core.Permissions;
import coach.core.SessionHandler;
import coach.core.SessionStore;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.phrasing.CheckCommand;
import coach.phrasing.PhrasingEngine;
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
    private final PhrasingEngine phrasing;

    private Coach(KnowledgeBase kb, SearchEngine search, CommandRegistry registry, ConversationCore core, PhrasingEngine phrasing) {
        this.kb = kb;
        this.search = search;
        this.registry = registry;
        this.core = core;
        this.phrasing = phrasing;
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

        // phrasing
        PhrasingEngine phrasing = PhrasingEngine.load(kb);
        registry.register(new CheckCommand(phrasing, kb));
        QuestionOrDraftRouter router = new QuestionOrDraftRouter(text -> phrasing.check(text).risky());

        ConversationCore core = new ConversationCore(registry, handlers, sessions, router, permissions);
        return new Coach(kb, search, registry, core, phrasing);
    }

    /** The search index over the guide and every other searchable content (materials, …). */
    public static SearchEngine searchEngine(KnowledgeBase kb) {
        List<SearchDoc> extraDocs = new ArrayList<>();
        return SearchEngine.build(kb, extraDocs);
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

    public ConversationCore core() {
        return core;
    }

    /** The phrasing coach (risky phrasing and polite rewrites); drills use it for their "polite" criterion. */
    public PhrasingEngine phrasing() {
        return phrasing;
    }
}
