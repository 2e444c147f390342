package coach.tone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.classify.Example;
import coach.kb.ContentSource;
import coach.text.Normalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * False alarms of the tone model on plain polite business sentences it never saw
 * ({@code tone/probe-polite.tsv}: deliveries, invoices, repairs, IT, clinics, real estate, HR, events, logistics,
 * education, travel), many sharing words with risky ones («сколько можно заказать…?», «ваш … обрабатывается»,
 * «оплачивается отдельно», «can wait until», «of course», deadlines and conditions stated calmly).
 */
class ToneProbeTest {
    /** At most this share of the probe's sentences of each language may be flagged by the model. */
    static final double CEILING = 0.02;

    static ToneChecker checker;
    static List<String[]> probe;

    @BeforeAll
    static void load() throws IOException {
        checker = ToneChecker.load(ContentSource.packaged());
        probe = new ArrayList<>();
        try (InputStream in = ToneProbeTest.class.getResourceAsStream("/tone/probe-polite.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 2);
                probe.add(new String[] {f[0], f[1].strip()});
            }
        }
    }

    @Test
    void theProbeIsLargeAndUnseen() {
        assertTrue(probe.stream().filter(p -> p[0].equals("ru")).count() >= 250);
        assertTrue(probe.stream().filter(p -> p[0].equals("en")).count() >= 150);
        Set<String> corpus = ToneModel.corpus(ContentSource.packaged()).examples().stream().map(Example::text).map(ToneProbeTest::key)
                .collect(Collectors.toSet());
        List<String> seen = probe.stream().map(p -> p[1]).filter(t -> corpus.contains(key(t))).toList();
        assertTrue(seen.isEmpty(), "probe sentences found in the training corpus: " + seen);
    }

    @Test
    void theModelRarelyFlagsAPlainPoliteSentence() {
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        for (String lang : List.of("ru", "en")) {
            List<String> sentences = probe.stream().filter(p -> p[0].equals(lang)).map(p -> p[1]).toList();
            List<String> flagged = new ArrayList<>();
            for (String s : sentences) {
                for (ToneChecker.Flag f : checker.check(s)) {
                    if (f.source() == ToneChecker.Source.MODEL) {
                        flagged.add(String.format("%s %.2f %s", f.category(), f.confidence(), s));
                        break;
                    }
                }
            }
            double rate = (double) flagged.size() / sentences.size();
            report.append(String.format("%s: %d of %d flagged (%.1f %%) %s%n", lang, flagged.size(), sentences.size(), 100 * rate, flagged));
            ok &= rate <= CEILING;
        }
        System.out.print(report);
        assertTrue(ok, "model false alarms above " + CEILING + ":\n" + report);
    }

    private static String key(String text) {
        return String.join(" ", Normalizer.norm(text).split("\\s+"));
    }
}
