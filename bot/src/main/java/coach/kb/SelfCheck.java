package coach.kb;

import java.util.List;

/** The guide's closing self-check: its questions and its practical task. */
public record SelfCheck(String title, List<String> questions, String task) {
}
