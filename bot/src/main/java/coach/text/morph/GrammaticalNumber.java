package coach.text.morph;

/** Grammatical number: tag fields {@code Sin} (singular) and {@code PL} (plural). */
public enum GrammaticalNumber {
    SING("Sin"), PLUR("PL");

    private final String tag;

    GrammaticalNumber(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static GrammaticalNumber ofTag(String field) {
        return switch (field) {
            case "Sin" -> SING;
            case "PL" -> PLUR;
            default -> null;
        };
    }
}
