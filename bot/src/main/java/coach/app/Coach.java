package coach.app;

import coach.core.BasicCommands;
import coach.core.ChatEvents;
import coach.core.CommandRegistry;
import coach.core.Feature;
import coach.core.ConversationCore;
import coach.core.Permissions;
import coach.core.SessionHandler;
import coach.core.SessionStore;
import coach.drill.Drills;
import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.materials.MaterialCatalog;
import coach.materials.MaterialsFeature;
import coach.phrasing.PhrasingEngine;
import coach.progress.ProgressFeature;
import coach.search.AskCommand;
import coach.store.UserPrefs;
import coach.search.SearchDoc;
import coach.search.SearchEngine;
import coach.search.SearchFeature;
import coach.store.Store;
import coach.tips.Tips;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds each feature ({@link Feature}: its commands, session handlers, chat-event
 * listener) and hands them to one conversation core, with the basic commands ({@link BasicCommands}). Front ends (console, Telegram) and the batch
 * commands all start here, so they share the same behaviour.
 */
public final class Coach {
    private final KnowledgeBase kb;
    private final SearchEngine search;
    private final CommandRegistry registry;
    private final ConversationCore core;
    private final Tips tips;
    private final Drills drills;
    private final PhrasingEngine phrasing;
    private final ProgressFeature progress;

    private final ChatEvents chatEvents;

    /** What /start offers: its buttons (each when its command exists), the deep link /start drill-<id>, "continue" after a restart. */
    public static final BasicCommands.Menu MENU = new BasicCommands.Menu(List.of("check", "drill", "quiz", "tip", "materials", "help"), "drill", "drill");

    private Coach(KnowledgeBase kb, SearchEngine search, CommandRegistry registry, ConversationCore core, Tips tips, Drills drills,
            PhrasingEngine phrasing, ProgressFeature progress, ChatEvents chatEvents) {
        this.chatEvents = chatEvents;
        this.progress = progress;
        this.kb = kb;
        this.search = search;
        this.registry = registry;
        this.core = core;
        this.tips = tips;
        this.drills = drills;
        this.phrasing = phrasing;
    }

    /**
     * What a coach is built over besides its content.
     *
     * @param sessions    where conversations in progress live
     * @param permissions who may do what in a chat
     * @param store       the durable store (subscriptions, deliveries, progress), or null for none
     * @param clock       the clock scheduled work reads
     */
    public record Options(SessionStore sessions, Permissions permissions, Store store, Clock clock) {
        /** Everything in {@code store}: sessions survive restarts, subscriptions work. */
        public static Options withStore(Store store, Permissions permissions) {
            return new Options(store.sessions(), permissions, store, Clock.systemUTC());
        }

        public Options withClock(Clock c) {
            return new Options(sessions, permissions, store, c);
        }
    }

    /** The whole coach over the given content and session store, without a durable store. */
    public static Coach create(ContentSource source, SessionStore sessions, Permissions permissions) {
        return create(source, new Options(sessions, permissions, null, Clock.systemUTC()));
    }

    /** The whole coach over the given content and options. */
    public static Coach create(ContentSource source, Options options) {
        SessionStore sessions = options.sessions();
        Permissions permissions = options.permissions();
        KnowledgeBase kb = KnowledgeBase.load(source);
        MaterialCatalog materials = MaterialCatalog.load(kb);
        SearchEngine search = searchEngine(kb, materials);

        // phrasing (rules and tone model); the company's own texts and drill replies by the rules alone:
        // the tone model flagged polite drill replies on the drill dev sets and speaks of client messages only
        PhrasingEngine phrasing = PhrasingEngine.load(kb);
        PhrasingEngine rules = PhrasingEngine.rulesOnly(kb);

        // The features, each with its commands, session handlers and chat-event listener (coach.core.Feature).
        List<Feature> features = new ArrayList<>();
        features.add(new SearchFeature(search, kb, askMaterials(materials)));
        Everyday everyday = new Everyday(kb, phrasing);
        features.add(everyday);
        // materials: a filled-in template is checked by the phrasing engine before it is sent
        features.add(new MaterialsFeature(kb, materials, new PhrasingReviewer(rules)));
        Tips tips = Tips.create(kb, options.store(), options.clock());
        features.add(tips);
        // drills: "polite" means the phrasing engine finds nothing impolite
        Drills drills = Drills.load(kb, impolite(rules));
        features.add(drills);
        // progress, weak spots, the team view and /forget: the recorder keeps per-criterion outcomes, the personal best stays as before
        ProgressFeature progress = null;
        if (options.store() != null) {
            progress = ProgressFeature.create(options.store(), drills, options.clock());
            drills.recordResults(progress.results(new StoredDrillResults(options.store().progress())));
            progress.attachTo(tips);
            features.add(progress);
        }

        // /start, /help, /cancel first; /lang (the user's own language choice, kept in the store) last
        UserPrefs prefs = options.store() == null ? null : options.store().users();
        BasicCommands basics = new BasicCommands(MENU, prefs == null ? null : prefs::setLanguage);
        CommandRegistry registry = new CommandRegistry();
        List<SessionHandler> handlers = new ArrayList<>();
        basics.commands().forEach(registry::register);
        for (Feature f : features) {
            f.commands().forEach(registry::register);
            handlers.addAll(f.sessions());
        }
        basics.settings().forEach(registry::register);

        ConversationCore core = new ConversationCore(registry, handlers, sessions, everyday.router(), permissions);
        if (prefs != null) {
            core.setLanguageChoice(prefs::language);
        }
        // inline mode (@bot <draft>): the phrasing coach's polite versions
        core.setInlineAnswers(new coach.phrasing.InlineVersions(phrasing));
        ChatEvents events = ChatEvents.all(features.stream().map(Feature::chatEvents).toArray(ChatEvents[]::new));
        return new Coach(kb, search, registry, core, tips, drills, phrasing, progress, events);
    }

    /** The search index over the guide and every other searchable content (materials, …). */
    /** What /ask needs of the materials: titles and the principles each one serves. */
    static java.util.Map<String, AskCommand.Material> askMaterials(MaterialCatalog materials) {
        java.util.Map<String, AskCommand.Material> out = new java.util.LinkedHashMap<>();
        for (coach.materials.Material m : materials.all()) {
            out.put(m.id(), new AskCommand.Material(m.id(), m.titleRu(), m.titleEn(), m.principles()));
        }
        return out;
    }

    public static SearchEngine searchEngine(KnowledgeBase kb) {
        // The intent model loads while the materials are read.
        SearchEngine.IntentPreload intent = SearchEngine.preload(kb);
        return SearchEngine.build(kb, MaterialCatalog.load(kb).searchDocs(kb), intent);
    }

    static SearchEngine searchEngine(KnowledgeBase kb, MaterialCatalog materials) {
        List<SearchDoc> extraDocs = new ArrayList<>(materials.searchDocs(kb));
        return SearchEngine.build(kb, extraDocs);
    }

    /**
     * Whether the phrasing engine finds something risky in a text: the drills' {@code polite} criterion,
     * for callers that need only that (the drill-score batch command).
     */
    public static java.util.function.Predicate<String> riskyText(KnowledgeBase kb) {
        PhrasingEngine engine = PhrasingEngine.rulesOnly(kb);
        return text -> engine.check(text).risky();
    }

    /** The phrasing findings that are about tone; jargon, vagueness and overpromising are judged by other criteria. */
    static final java.util.Set<String> IMPOLITE = java.util.Set.of("rude", "blame", "dismiss", "refuse", "deflect", "insult", "pressure", "sarcasm");

    /**
     * Whether the phrasing engine finds an impolite fragment (rude, blaming, dismissive, refusing, deflecting) in a
     * text: the drills' {@code polite} criterion. Jargon («выкатываем релизом») or a vague word is not impoliteness.
     */
    public static java.util.function.Predicate<String> impoliteText(KnowledgeBase kb) {
        // by the rules alone: the tone model flagged polite drill replies on the drill dev sets
        return impolite(PhrasingEngine.rulesOnly(kb));
    }

    static java.util.function.Predicate<String> impolite(PhrasingEngine engine) {
        return text -> engine.check(text).findings().stream().anyMatch(f -> IMPOLITE.contains(f.category()));
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

    /** Daily tips: {@code tips().scheduler(sender)} for a transport, {@code tips().chatEvents()} for membership changes. */
    public Tips tips() {
        return tips;
    }

    /** Progress and the team view, or null without a store. */
    public ProgressFeature progress() {
        return progress;
    }

    /**
     * What a transport reports about chats, for every feature that listens: a removed bot stops the
     * chat's tips; a user seen in a group becomes one of its members for the team view.
     */
    public ChatEvents chatEvents() {
        return chatEvents;
    }

    /** The phrasing coach (risky phrasing and polite rewrites); drills use it for their "polite" criterion. */
    public PhrasingEngine phrasing() {
        return phrasing;
    }
}
