package coach.kb;

import coach.text.Lang;
import java.util.List;

/**
 * One principle of the guide. The Russian title, explanation and example are the guide's own words;
 * the English title and summary and the keywords are authored in {@code knowledge-base/principles.yaml}.
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
        List<String> keywordsRu,
        List<String> keywordsEn) {

    public String title(Lang lang) {
        return lang == Lang.EN ? titleEn : titleRu;
    }
}
