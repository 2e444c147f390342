package coach.text.morph;

/** Gender: tag fields {@code Masc}, {@code Fem}, {@code Neut}. Plural forms have none. */
public enum Gender {
    MASC("Masc"), FEM("Fem"), NEUT("Neut");

    private final String tag;

    Gender(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Gender ofTag(String field) {
        return switch (field) {
            case "Masc" -> MASC;
            case "Fem" -> FEM;
            case "Neut" -> NEUT;
            default -> null;
        };
    }
}
