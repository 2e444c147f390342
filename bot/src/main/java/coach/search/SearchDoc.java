package coach.search;

import java.util.List;

/**
 * One searchable item: a principle of the guide, a material, or later content. Russian fields are
 * analysed with the Russian chain, English fields with the English one.
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
        List<String> keywordsEn) {
}
