package coach.drill;

import coach.core.Command;
import coach.core.SessionHandler;
import coach.kb.KnowledgeBase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The drills feature: scenarios and the self-check quiz loaded from the knowledge base, the scorer, and
 * the commands (/drill, /quiz) and session handlers that the coach registers.
 */
public final class Drills {
    /** The guide's own task; required, and the quiz scores its task with this scenario's rubric. */
    public static final String COMPLAINT_SCENARIO = "dissatisfied-client";

    private final Map<String, Scenario> scenarios;
    private final Quiz quiz;
    private final DrillScorer scorer;
    private final LongSupplier seeds;
    private final DrillSessionHandler drillHandler;
    private final QuizSessionHandler quizHandler;
    private final List<Command> commands;
    private volatile DrillResults results = DrillResults.NONE;

    private Drills(Map<String, Scenario> scenarios, Quiz quiz, DrillScorer scorer, LongSupplier seeds) {
        this.scenarios = scenarios;
        this.quiz = quiz;
        this.scorer = scorer;
        this.seeds = seeds;
        this.drillHandler = new DrillSessionHandler(this);
        this.quizHandler = new QuizSessionHandler(quiz, scorer);
        SessionGuard guard = new SessionGuard(drillHandler, quizHandler);
        this.commands = List.of(new DrillCommand(this, drillHandler, guard), new QuizCommand(quizHandler, guard));
    }

    /**
     * Loads and validates scenarios and the quiz; malformed content fails with a {@link coach.kb.ContentException}.
     *
     * @param risky whether the phrasing engine finds something risky in a text (the {@code polite} criterion)
     */
    public static Drills load(KnowledgeBase kb, Predicate<String> risky) {
        return load(kb, risky, () -> ThreadLocalRandom.current().nextLong());
    }

    static Drills load(KnowledgeBase kb, Predicate<String> risky, LongSupplier seeds) {
        Map<String, Scenario> all = ScenarioLoader.loadAll(kb.source(), kb);
        ScenarioLoader.require(all, COMPLAINT_SCENARIO);
        Quiz quiz = Quiz.load(kb.source(), kb, all);
        return new Drills(all, quiz, new DrillScorer(risky), seeds);
    }

    /** Records every finished drill there (per-user progress); by default nothing is kept. */
    public void recordResults(DrillResults sink) {
        this.results = sink == null ? DrillResults.NONE : sink;
    }

    DrillResults results() {
        return results;
    }

    public List<Scenario> scenarios() {
        return List.copyOf(scenarios.values());
    }

    public Optional<Scenario> scenario(String id) {
        return Optional.ofNullable(scenarios.get(id));
    }

    public DrillScorer scorer() {
        return scorer;
    }

    /** /drill and /quiz. */
    public List<Command> commands() {
        return commands;
    }

    /** The drill and quiz session state machines. */
    public List<SessionHandler> handlers() {
        return List.of(drillHandler, quizHandler);
    }

    Quiz quiz() {
        return quiz;
    }

    long nextSeed() {
        return seeds.getAsLong();
    }
}
