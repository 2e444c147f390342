package coach.materials;

import coach.text.Lang;
import java.util.List;

/**
 * One of the guide's "materials to attach": a handbook, checklist or template written in
 * {@code knowledge-base/materials/<id>.md}.
 *
 * @param fillText     for templates, the text to send (the "## Текст" section), else the whole body
 * @param placeholders the template's fields in order of first appearance, without braces
 * @param fieldsEn     English names of the fields (front matter {@code fields_en}), possibly empty
 * @param fillTextEn   for templates, the English text to send (front matter {@code text_en}), or null
 * @param bodyEn       the English text of the material ({@code materials/en/<id>.md}), or null
 */
public record Material(
        String id,
        String titleRu,
        String titleEn,
        String summaryRu,
        String summaryEn,
        String topicId,
        Kind kind,
        List<String> principles,
        String body,
        String fillText,
        List<String> placeholders,
        java.util.Map<String, String> fieldsEn,
        String fillTextEn,
        String bodyEn) {

    public enum Kind { GUIDE, CHECKLIST, TEMPLATE }

    public String title(Lang lang) {
        return lang == Lang.EN ? titleEn : titleRu;
    }

    public String summary(Lang lang) {
        return lang == Lang.EN ? summaryEn : summaryRu;
    }

    /** A field's name for the user: English from the front matter's {@code fields_en} for English users, else the placeholder with spaces. */
    public String fieldName(String placeholder, Lang lang) {
        if (lang == Lang.EN && fieldsEn.containsKey(placeholder)) {
            return fieldsEn.get(placeholder);
        }
        return placeholder.replace('_', ' ');
    }

    /** The material's text: English for English users when it has been translated. */
    public String body(Lang lang) {
        return lang == Lang.EN && bodyEn != null ? bodyEn : body;
    }

    /** The text to fill in: English for English users when the template has one. */
    public String fillText(Lang lang) {
        return lang == Lang.EN && fillTextEn != null ? fillTextEn : fillText;
    }

    public boolean fillable() {
        return kind == Kind.TEMPLATE && !placeholders.isEmpty();
    }
}
