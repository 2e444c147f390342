package coach.materials;

import coach.core.Rich;
import coach.text.Lang;
import java.util.Optional;

/** Checks a filled-in template before the user sends it; empty when nothing is risky. */
@FunctionalInterface
public interface DraftReviewer {
    Optional<Rich> review(String text, Lang lang);

    DraftReviewer NONE = (text, lang) -> Optional.empty();
}
