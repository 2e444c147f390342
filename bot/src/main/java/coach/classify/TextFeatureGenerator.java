package coach.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * An OpenNLP {@link FeatureGenerator} that works on a {@link Doc} (raw text and analysed tokens)
 * instead of a bare token array. Subclass it for extra features (the hook); feature names should
 * carry a short prefix of their own ({@code "w="}, {@code "bi="}, …) so generators never collide.
 */
public abstract class TextFeatureGenerator implements FeatureGenerator {

    /** Adds this generator's features of {@code doc} to {@code out}. */
    public abstract void features(Doc doc, List<String> out);

    @Override
    public final Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        Object d = extraInformation == null ? null : extraInformation.get(Doc.KEY);
        Doc doc = d instanceof Doc dd ? dd : Doc.of(String.join(" ", text));
        List<String> out = new ArrayList<>();
        features(doc, out);
        return out;
    }

    /** What the generator is, for the model's content fingerprint; include any setting that changes its output. */
    public String describe() {
        return getClass().getName();
    }
}
