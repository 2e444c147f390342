package coach.drill;

import coach.kb.ContentSource;
import coach.kb.KnowledgeBase;
import coach.kb.SelfCheck;
import coach.kb.Yaml;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guide's self-check ({@code knowledge-base/quiz.yaml}): its questions, each with key points linked
 * to principles and a reference answer, and its task, scored with a scenario's rubric.
 */
final class Quiz {
    static final String FILE = "quiz.yaml";
    private static final Set<String> FIELDS = Set.of("words", "questions", "task");
    private static final Set<String> QUESTION_FIELDS = Set.of("question", "question_en", "reference_ru", "reference_en", "key_points");
    private static final Set<String> TASK_FIELDS = Set.of("task", "task_en", "scenario", "reference_ru", "reference_en");

    record Question(String textRu, String textEn, List<Criterion> keyPoints, String referenceRu, String referenceEn) {
        String text(Lang lang) {
            return lang == Lang.EN && textEn != null ? textEn : textRu;
        }

        String reference(Lang lang) {
            return lang == Lang.EN && referenceEn != null ? referenceEn : referenceRu;
        }
    }

    private final String title;
    private final List<Question> questions;
    private final String taskRu;
    private final String taskEn;
    private final Scenario taskScenario;
    private final String taskReferenceRu;
    private final String taskReferenceEn;

    private Quiz(String title, List<Question> questions, String taskRu, String taskEn, Scenario taskScenario,
                 String taskReferenceRu, String taskReferenceEn) {
        this.title = title;
        this.questions = questions;
        this.taskRu = taskRu;
        this.taskEn = taskEn;
        this.taskScenario = taskScenario;
        this.taskReferenceRu = taskReferenceRu;
        this.taskReferenceEn = taskReferenceEn;
    }

    String title() {
        return title;
    }

    List<Question> questions() {
        return questions;
    }

    String task(Lang lang) {
        return lang == Lang.EN && taskEn != null ? taskEn : taskRu;
    }

    Scenario taskScenario() {
        return taskScenario;
    }

    String taskReference(Lang lang) {
        return lang == Lang.EN && taskReferenceEn != null ? taskReferenceEn : taskReferenceRu;
    }

    /** Questions plus the task. */
    int items() {
        return questions.size() + 1;
    }

    int keyPointCount() {
        return questions.stream().mapToInt(q -> q.keyPoints().size()).sum();
    }

    static Quiz load(ContentSource source, KnowledgeBase kb, Map<String, Scenario> scenarios) {
        Yaml.Node root = Yaml.parseMapping(FILE, source.read(FILE));
        root.onlyFields(FIELDS);
        Map<String, String> words = CriterionReader.words(root);
        SelfCheck sc = kb.selfCheck();
        List<Yaml.Node> qs = root.list("questions", true);
        if (qs.size() != sc.questions().size()) {
            throw root.error("questions", "the guide's self-check has " + sc.questions().size() + " questions; quiz.yaml has " + qs.size());
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            Yaml.Node q = qs.get(i);
            if (!q.isMap()) {
                throw q.error("a question must be a mapping with question, reference_ru and key_points");
            }
            q.onlyFields(QUESTION_FIELDS);
            String text = q.text("question");
            if (!text.equals(sc.questions().get(i))) {
                throw q.error("question", "question " + (i + 1) + " must be the guide's own words: " + sc.questions().get(i));
            }
            List<Criterion> points = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Yaml.Node p : q.list("key_points", true)) {
                Criterion c = CriterionReader.read(p, kb, false, words);
                if (c.phrasing()) {
                    throw p.error("check", "key points are defined by patterns");
                }
                if (!ids.add(c.id())) {
                    throw p.error("id", "key point '" + c.id() + "' is defined twice in this question");
                }
                points.add(c);
            }
            questions.add(new Question(text, q.optText("question_en"), List.copyOf(points), q.text("reference_ru"), q.optText("reference_en")));
        }
        Yaml.Node task = root.get("task");
        if (!task.isMap()) {
            throw root.error("missing mapping 'task' with task, scenario and reference_ru");
        }
        task.onlyFields(TASK_FIELDS);
        String taskText = task.text("task");
        if (!taskText.equals(sc.task())) {
            throw task.error("task", "the task must be the guide's own words: " + sc.task());
        }
        String scenarioId = task.text("scenario");
        Scenario s = scenarios.get(scenarioId);
        if (s == null) {
            throw task.error("scenario", "unknown scenario '" + scenarioId + "'");
        }
        return new Quiz(sc.title(), List.copyOf(questions), taskText, task.optText("task_en"), s,
                task.text("reference_ru"), task.optText("reference_en"));
    }
}
