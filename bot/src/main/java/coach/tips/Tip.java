package coach.tips;

import coach.text.Lang;

/**
 * One tip: a short, practical piece of advice tied to one principle of the guide, in Russian and
 * English, with an optional example of its own. Tips whose id starts with {@code guide-} are built
 * from the guide itself (the principle's explanation and example).
 *
 * @param id          stable id (rotation state and delivery records refer to it)
 * @param principleId the principle it belongs to
 * @param ru          the advice in Russian
 * @param en          the advice in English
 * @param exampleRu   an example phrase in Russian, or null
 * @param exampleEn   the example in English, or null
 * @param fromGuide   built from the guide rather than authored in tips.yaml
 */
public record Tip(String id, String principleId, String ru, String en, String exampleRu, String exampleEn, boolean fromGuide) {
    public static final String GUIDE_PREFIX = "guide-";

    public String text(Lang lang) {
        return lang == Lang.EN ? en : ru;
    }

    /** The tip's own example in {@code lang}, or null. */
    public String example(Lang lang) {
        return lang == Lang.EN ? exampleEn : exampleRu;
    }
}
