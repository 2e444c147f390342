package coach.materials;

import coach.text.Lang;
import java.util.List;

/**
 * One of the guide's "materials to attach": a handbook, checklist or template written in
 * {@code knowledge-base/materials/<id>.md}.
 *
 * @param fillText     for templates, the text to send (the "## Текст" section), else the whole body
 * @param placeholders the template's fields in order of first appearance, without braces
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
        List<String> placeholders) {

    public enum Kind { GUIDE, CHECKLIST, TEMPLATE }

    public String title(Lang lang) {
        return lang == Lang.EN ? titleEn : titleRu;
    }

    public String summary(Lang lang) {
        return lang == Lang.EN ? summaryEn : summaryRu;
    }

    public boolean fillable() {
        return kind == Kind.TEMPLATE && !placeholders.isEmpty();
    }
}
