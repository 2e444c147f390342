package coach.tone;

import coach.kb.ContentSource;
import coach.text.Lang;
import coach.text.Token;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last gate before a version is offered: words and phrases of {@code knowledge-base/tone/residual.tsv} that a
 * polite business message never holds («и точка», «без комментариев», «надо было», «по-братски», «for sure»). A
 * rewrite that fixes one phrase and keeps one of these beside it is not sendable. The list is the cue lexicon's
 * phrase syntax with a language column; it only withholds versions, it finds nothing in a draft. Immutable.
 */
public final class ResidualRisk {
    public static final String FILE = "tone/residual.tsv";
    static final Set<String> CLASSES = Set.of("dismissive", "absolute", "sarcasm", "lecturing", "command", "slang", "vague", "pressure");

    private final Cues phrases;

    private ResidualRisk(Cues phrases) {
        this.phrases = phrases;
    }

    public static ResidualRisk load(ContentSource source) {
        return parse(FILE, source.read(FILE));
    }

    static ResidualRisk parse(String file, String content) {
        return new ResidualRisk(Cues.parse(file, content, CLASSES, true));
    }

    /** The first listed phrase of {@code lang} in {@code tokens} (the analysed text), if any. */
    public Optional<Cues.Found> first(List<Token> tokens, Lang lang) {
        List<Cues.Found> all = phrases.find(tokens, lang.code());
        Cues.Found best = null;
        for (Cues.Found f : all) {
            if (best == null || f.from() < best.from()) {
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }
}
