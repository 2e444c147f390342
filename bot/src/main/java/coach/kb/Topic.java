package coach.kb;

import coach.text.Lang;
import java.util.List;

/** One of the guide's sections (a {@code ####} heading) with its principles and its "materials to attach". */
public record Topic(String id, int number, String titleRu, String titleEn, List<Principle> principles, List<String> materials) {

    public String title(Lang lang) {
        return lang == Lang.EN ? titleEn : titleRu;
    }
}
