package coach.search;

/** A ranked search result. {@code title} and {@code topic} are Russian, as the guide writes them. */
public record Hit(String kind, String id, String title, String titleEn, String topicId, String topic, String topicEn, double score, Snippet snippet) {
}
