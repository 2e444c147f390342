package coach.kb;

import coach.text.Lang;
import java.util.List;

/**
 * One principle of the guide. The Russian title, explanation and example are the guide's own words;
 * the English title and summary, the advice in both languages, the English example and the keywords
 * are authored in {@code knowledge-base/principles.yaml}.
 */
public record Principle(
        String id,
        String topicId,
        int number,
        String titleRu,
        String explanation,
        String example,
        String titleEn,
        String summaryEn,
        String adviceRu,
        String adviceEn,
        String exampleEn,
        List<String> keywordsRu,
        List<String> keywordsEn) {

    public String title(Lang lang) {
        return lang == Lang.EN ? titleEn : titleRu;
    }

    /** What to do, in one or two sentences: the first line of an answer. */
    public String advice(Lang lang) {
        return lang == Lang.EN ? adviceEn : adviceRu;
    }

    /** The guide's example: its own words in Russian, the authored translation in English. */
    public String example(Lang lang) {
        return lang == Lang.EN ? exampleEn : example;
    }
}
