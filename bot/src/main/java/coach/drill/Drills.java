package coach.drill;

import coach.core.Command;
import coach.core.Feature;
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
public final class Drills implements Feature {
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
        this.quizHandler = new QuizSessionHandler(quiz, scorer, this::results);
        this.commands = List.of(
                Command.of("drill", "drill.cmd.description", new DrillCommand(this, drillHandler)),
                Command.of("quiz", "quiz.cmd.description", new QuizCommand(this, quizHandler)));
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
        Slots slots = Slots.load(kb.source());
        Map<String, Scenario> all = ScenarioLoader.loadAll(kb.source(), kb, slots);
        ScenarioLoader.require(all, COMPLAINT_SCENARIO);
        Quiz quiz = Quiz.load(kb.source(), kb, all);
        return new Drills(all, quiz, new DrillScorer(risky, slots), seeds);
    }

    /** The quiz's task, as a quiz item id. */
    public static final String QUIZ_TASK = "task";

    /** The quiz item id of question {@code index} (0-based): "q1", "q2", … */
    public static String quizItemId(int index) {
        return "q" + (index + 1);
    }

    /** The 0-based question index of a quiz item id, or -1 when it names no question. */
    public int quizQuestionIndex(String itemId) {
        if (itemId == null || !itemId.matches("q[1-9][0-9]{0,2}")) {
            return -1;
        }
        int i = Integer.parseInt(itemId.substring(1)) - 1;
        return i < quiz.questions().size() ? i : -1;
    }

    /** The text of a quiz question (item id "q1"…), in the user's language. */
    public Optional<String> quizQuestion(String itemId, coach.text.Lang lang) {
        int i = quizQuestionIndex(itemId);
        return i < 0 ? Optional.empty() : Optional.of(quiz.questions().get(i).text(lang));
    }

    /** The reference answer of a quiz question (item id "q1"…), in the user's language. */
    public Optional<String> quizReference(String itemId, coach.text.Lang lang) {
        int i = quizQuestionIndex(itemId);
        return i < 0 ? Optional.empty() : Optional.of(quiz.questions().get(i).reference(lang));
    }

    /**
     * The name of a rubric criterion or quiz key point by id (the first scenario defining it, in
     * scenario order, then the quiz), in the user's language.
     */
    public Optional<String> criterionName(String criterionId, coach.text.Lang lang) {
        return criterion(criterionId).map(c -> c.name(lang));
    }

    /**
     * The scenarios that train a criterion: those whose rubric has it, or for a quiz key point those
     * practising its principle; the guide's own complaint drill first when it is one of them.
     */
    public List<Scenario> scenariosTraining(String criterionId) {
        List<Scenario> out = new java.util.ArrayList<>();
        for (Scenario s : scenarios.values()) {
            if (s.criterionIds().contains(criterionId)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            criterion(criterionId).ifPresent(c -> scenarios.values().stream()
                    .filter(s -> s.principleIds().contains(c.principle().id())).forEach(out::add));
        }
        return out;
    }

    private Optional<Criterion> criterion(String id) {
        for (Scenario s : scenarios.values()) {
            for (Criterion c : s.rubric()) {
                if (c.id().equals(id)) {
                    return Optional.of(c);
                }
            }
        }
        for (Quiz.Question q : quiz.questions()) {
            for (Criterion c : q.keyPoints()) {
                if (c.id().equals(id)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
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
    @Override
    public List<Command> commands() {
        return commands;
    }

    /** The drill and quiz session state machines. */
    @Override
    public List<SessionHandler> sessions() {
        return List.of(drillHandler, quizHandler);
    }

    Quiz quiz() {
        return quiz;
    }

    /**
     * A drill run outside a chat (the {@code drill-play} contract): the client's opening, then one JSON-ready step per reply.
     */
    public Play play(Scenario s, long seed, coach.text.Lang lang) {
        return new Play(s, DrillState.start(s, seed, lang));
    }

    /** One drill played line by line; see {@link #play}. */
    public final class Play {
        private final Scenario scenario;
        private DrillState state;

        private Play(Scenario scenario, DrillState state) {
            this.scenario = scenario;
            this.state = state;
        }

        public String opening() {
            return state.client();
        }

        public boolean done() {
            return state.turn() >= scenario.turnCount();
        }

        /** The 1-based number of the turn the next reply answers. */
        public int turn() {
            return state.turn() + 1;
        }

        /**
         * Answers one reply: the client's next message (the summary as plain text after the last turn), the verdicts
         * and the score of this turn, or of the whole drill after the last turn.
         */
        public Answer answer(String reply) {
            DrillRun.Step step = DrillRun.answer(scorer, scenario, state, reply);
            state = step.next();
            if (!step.done()) {
                return new Answer(step.clientLine(), step.turn().criteria(), step.turn().score(), false);
            }
            DrillRun.Summary sum = DrillRun.summary(scenario, state);
            String text = step.clientLine() + "\n\n" + DrillView.summary(state.lang(), scenario, state, sum).plain();
            return new Answer(text, sum.criteria(), sum.score(), true);
        }
    }

    /** The outcome of one reply in a {@link Play}. */
    public record Answer(String client, Map<String, Boolean> criteria, int score, boolean done) {
    }

    long nextSeed() {
        return seeds.getAsLong();
    }
}
