package coach.search;

import java.util.List;

/**
 * One searchable item: a principle of the guide, a material, or later content. Russian fields are
 * analysed with the Russian chain, English fields with the English one. {@code requestWords} are
 * words with which a query asks for this kind of document ("шаблон", "checklist"): documents other
 * than principles rank below principles unless the query contains one of them.
 */
public record SearchDoc(
        String kind,
        String id,
        String titleRu,
        String titleEn,
        String topicId,
        String topicRu,
        String topicEn,
        String bodyRu,
        String exampleRu,
        String summaryEn,
        List<String> keywordsRu,
        List<String> keywordsEn,
        List<String> requestWords) {

    /** A document without request words. */
    public SearchDoc(String kind, String id, String titleRu, String titleEn, String topicId, String topicRu, String topicEn,
            String bodyRu, String exampleRu, String summaryEn, List<String> keywordsRu, List<String> keywordsEn) {
        this(kind, id, titleRu, titleEn, topicId, topicRu, topicEn, bodyRu, exampleRu, summaryEn, keywordsRu, keywordsEn, List.of());
    }
}
