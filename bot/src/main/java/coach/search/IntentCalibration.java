package coach.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How the intent model and Lucene are combined, chosen at build time on a held-back split of the
 * situations ({@link IntentTrainer}).
 *
 * @param luceneWeight      weight of the relative Lucene score added to the model's probability
 * @param noAnswerThreshold from this probability of {@code none} + {@code smalltalk} up, the guide has no
 *                          answer (for a query without any Lucene match)
 * @param lexicalRelief     the threshold rises by this much for a query whose best Lucene score reaches
 *                          {@link #LEXICAL_CAP} (proportionally below): words of the guide are evidence of a question for it
 */
public record IntentCalibration(double luceneWeight, double noAnswerThreshold, double lexicalRelief) {
    /** Used when no calibration was written (an editor's content without a build). */
    public static final IntentCalibration DEFAULT = new IntentCalibration(0.1, 0.25, 0.2);
    /** Lucene scores from this value up count as full lexical evidence. */
    public static final double LEXICAL_CAP = 10;

    /** The no-answer threshold for a query whose best Lucene score is {@code lexicalTop}. */
    public double threshold(double lexicalTop) {
        return noAnswerThreshold + lexicalRelief * Math.min(lexicalTop, LEXICAL_CAP) / LEXICAL_CAP;
    }

    static final String RESOURCE = "models/" + IntentModel.NAME + ".properties";

    /** The calibration the build wrote (it fits any content), or {@link #DEFAULT}. */
    static IntentCalibration packaged() {
        try (InputStream in = IntentCalibration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return DEFAULT;
            }
            Properties p = new Properties();
            p.load(in);
            return fromProperties(p);
        } catch (IOException e) {
            return DEFAULT;
        }
    }

    /** Written by hand rather than with Properties.store, which adds the date: the same content gives the same bytes. */
    void write(Path classes, String comment) throws IOException {
        Path file = classes.resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# " + comment + "\nlucene_weight=" + luceneWeight + "\nno_answer_threshold=" + noAnswerThreshold
                + "\nlexical_relief=" + lexicalRelief + "\n",
                StandardCharsets.UTF_8);
    }

    static IntentCalibration fromProperties(Properties p) {
        try {
            return new IntentCalibration(Double.parseDouble(p.getProperty("lucene_weight")), Double.parseDouble(p.getProperty("no_answer_threshold")),
                    Double.parseDouble(p.getProperty("lexical_relief")));
        } catch (RuntimeException e) {
            return DEFAULT;
        }
    }
}
