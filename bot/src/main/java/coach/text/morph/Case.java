package coach.text.morph;

/**
 * Grammatical case, with the field each one has in the dictionary's tags (AOT / LanguageTool Russian
 * tag set): {@code Nom} nominative, {@code R} genitive, {@code 2R} second genitive («чаю»), {@code D}
 * dative, {@code V} accusative, {@code T} instrumental, {@code P} prepositional, {@code 2P} second
 * prepositional («в лесу»), {@code Z} vocative.
 */
public enum Case {
    NOM("Nom"), GEN("R"), GEN2("2R"), DAT("D"), ACC("V"), INS("T"), LOC("P"), LOC2("2P"), VOC("Z");

    private final String tag;

    Case(String tag) {
        this.tag = tag;
    }

    /** The tag field, e.g. {@code "T"} for the instrumental. */
    public String tag() {
        return tag;
    }

    /** The main case a variant belongs to: second genitive → genitive, second prepositional → prepositional, vocative → nominative. */
    public Case base() {
        return switch (this) {
            case GEN2 -> GEN;
            case LOC2 -> LOC;
            case VOC -> NOM;
            default -> this;
        };
    }

    /** The case of a tag field, or null when the field is no case. */
    public static Case ofTag(String field) {
        return switch (field) {
            case "Nom" -> NOM;
            case "R" -> GEN;
            case "2R" -> GEN2;
            case "D" -> DAT;
            case "V" -> ACC;
            case "T" -> INS;
            case "P" -> LOC;
            case "2P" -> LOC2;
            case "Z" -> VOC;
            default -> null;
        };
    }
}
