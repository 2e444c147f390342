package coach.text.morph;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed tag: its fields and the grammemes found among them. The dictionary uses about 1 200
 * distinct tags, so parsed tags are kept in a process-wide map and {@link Reading}'s helpers cost
 * one hash lookup, no parsing.
 */
final class Tag {
    private static final ConcurrentHashMap<String, Tag> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 20_000;

    final String tag;
    final String[] fields;
    final String pos;
    final Case grammaticalCase;
    final int caseIndex;
    final GrammaticalNumber number;
    final int numberIndex;
    final Gender gender;
    final int genderIndex;
    final Person person;
    final int personIndex;
    final Animacy animacy;
    private final boolean sharedSlot;
    /** Index of the trailing animacy mark that {@link Morphology#analyze} adds to adjective-like accusatives, or -1. */
    final int accusativeMarkIndex;

    private Tag(String tag) {
        this.tag = tag;
        this.fields = tag.split(":", -1);
        this.pos = fields[0];
        Case c = null;
        int ci = -1;
        GrammaticalNumber n = null;
        int ni = -1;
        Gender g = null;
        int gi = -1;
        Person p = null;
        int pi = -1;
        Animacy a = null;
        int mark = -1;
        for (int i = 1; i < fields.length; i++) {
            String f = fields[i];
            Case fc = Case.ofTag(f);
            if (fc != null && c == null) {
                c = fc;
                ci = i;
                continue;
            }
            GrammaticalNumber fn = GrammaticalNumber.ofTag(f);
            if (fn != null && n == null) {
                n = fn;
                ni = i;
                continue;
            }
            Gender fg = Gender.ofTag(f);
            if (fg != null && g == null) {
                g = fg;
                gi = i;
                continue;
            }
            Person fp = Person.ofTag(f);
            if (fp != null && p == null) {
                p = fp;
                pi = i;
                continue;
            }
            switch (f) {
                case "Anim", "Name", "Patr", "Fam" -> {
                    if (a == null) {
                        a = Animacy.ANIM;
                    }
                    if (i == fields.length - 1 && "Anim".equals(f) && !"NN".equals(pos)) {
                        mark = i;
                    }
                }
                case "Inanim" -> {
                    if (a == null) {
                        a = Animacy.INANIM;
                    }
                    if (i == fields.length - 1 && !"NN".equals(pos)) {
                        mark = i;
                    }
                }
                case "Inanimanim" -> a = a == null ? Animacy.BOTH : a;
                default -> {
                }
            }
        }
        this.grammaticalCase = c;
        this.caseIndex = ci;
        this.gender = g;
        this.genderIndex = gi;
        this.person = p;
        this.personIndex = pi;
        this.animacy = a;
        this.accusativeMarkIndex = mark;
        this.sharedSlot = switch (pos) {
            case "ADJ", "PT", "PT_Short", "Ord", "Num", "ABR" -> !Arrays.asList(fields).contains("Sin");
            case "VB" -> fields.length > 1 && "Past".equals(fields[1]);
            default -> false;
        };
        // Adjectives, participles, ordinals and past-tense verbs share one slot for gender and
        // plural (ADJ:Posit:Masc:D, ADJ:Posit:PL:D): a gender there means singular.
        if (n == null && g != null && sharesGenderSlot()) {
            n = GrammaticalNumber.SING;
        }
        this.number = n;
        this.numberIndex = ni;
    }

    static Tag of(String tag) {
        Tag t = PARSED.get(tag);
        if (t == null) {
            t = new Tag(tag);
            if (PARSED.size() < MAX_PARSED) {
                PARSED.putIfAbsent(tag, t);
            }
        }
        return t;
    }

    /** Gender and plural share one field (no {@code Sin} field): adjectives, participles, ordinals, numerals, past verbs, short forms. */
    boolean sharesGenderSlot() {
        return sharedSlot;
    }

    /** The index of the field holding gender or {@code PL} in a shared slot, or -1. */
    int genderSlotIndex() {
        if (!sharesGenderSlot()) {
            return -1;
        }
        if (genderIndex > 0) {
            return genderIndex;
        }
        return number == GrammaticalNumber.PLUR ? numberIndex : -1;
    }

    boolean has(String grammeme) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(grammeme)) {
                return true;
            }
        }
        return false;
    }

    List<String> fieldList() {
        return List.of(fields);
    }

    /** The tag with field {@code i} replaced; {@code null} removes the field. */
    String with(int i, String value) {
        StringBuilder b = new StringBuilder(tag.length() + 4);
        for (int k = 0; k < fields.length; k++) {
            String f = k == i ? value : fields[k];
            if (f == null) {
                continue;
            }
            if (b.length() > 0) {
                b.append(':');
            }
            b.append(f);
        }
        return b.toString();
    }

    /** The tag without the trailing accusative animacy mark (the dictionary's own form). */
    String withoutMark() {
        return accusativeMarkIndex < 0 ? tag : tag.substring(0, tag.lastIndexOf(':'));
    }
}
