package coach.text.morph;

/** Person of verbs and personal pronouns: tag fields {@code P1}, {@code P2}, {@code P3}. */
public enum Person {
    FIRST("P1"), SECOND("P2"), THIRD("P3");

    private final String tag;

    Person(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Person ofTag(String field) {
        return switch (field) {
            case "P1" -> FIRST;
            case "P2" -> SECOND;
            case "P3" -> THIRD;
            default -> null;
        };
    }
}
