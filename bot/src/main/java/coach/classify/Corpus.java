package coach.classify;

import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.text.Normalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A labelled corpus read from the knowledge base: UTF-8 TSV, one {@code label<TAB>text} per line,
 * {@code #} starts a comment line, blank lines are skipped. Validated at load: a malformed line, an
 * unknown label or the same text twice stops with {@link ContentException} naming file and line.
 */
public final class Corpus {
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_-]*");

    private final List<Example> examples;

    private Corpus(List<Example> examples) {
        this.examples = List.copyOf(examples);
    }

    public static Corpus of(List<Example> examples) {
        return new Corpus(examples);
    }

    /**
     * Reads and validates {@code path} from {@code source}.
     *
     * @param labels the allowed labels, or null to accept any well-formed label
     */
    public static Corpus read(ContentSource source, String path, Set<String> labels) {
        return parse(path, source.read(path), labels);
    }

    /** Reads several files as one corpus; a text may appear only once over all of them. */
    public static Corpus read(ContentSource source, Collection<String> paths, Set<String> labels) {
        List<Example> all = new ArrayList<>();
        Map<String, Example> seen = new HashMap<>();
        for (String p : paths) {
            for (Example e : parse(p, source.read(p), labels).examples) {
                checkUnique(seen, e);
                all.add(e);
            }
        }
        return new Corpus(all);
    }

    static Corpus parse(String file, String content, Set<String> labels) {
        List<Example> out = new ArrayList<>();
        Map<String, Example> seen = new HashMap<>();
        int lineNo = 0;
        for (String line : content.split("\n", -1)) {
            lineNo++;
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            int tab = l.indexOf('\t');
            if (tab < 0) {
                throw new ContentException(file, lineNo, "expected 'label<TAB>text', found no tab");
            }
            String label = l.substring(0, tab).strip();
            String text = l.substring(tab + 1).strip();
            if (!LABEL.matcher(label).matches()) {
                throw new ContentException(file, lineNo, "label '" + label + "' must be lower-case letters, digits, '-' or '_'");
            }
            if (labels != null && !labels.contains(label)) {
                throw new ContentException(file, lineNo, "unknown label '" + label + "' (allowed: " + String.join(", ", labels) + ")");
            }
            if (text.isEmpty()) {
                throw new ContentException(file, lineNo, "the text after the label is empty");
            }
            if (text.indexOf('\t') >= 0) {
                throw new ContentException(file, lineNo, "more than one tab: the text may not contain tabs");
            }
            Example e = new Example(label, text, file, lineNo);
            checkUnique(seen, e);
            out.add(e);
        }
        if (out.isEmpty()) {
            throw new ContentException(file, 0, "the corpus has no examples");
        }
        return new Corpus(out);
    }

    private static void checkUnique(Map<String, Example> seen, Example e) {
        Example before = seen.putIfAbsent(key(e.text()), e);
        if (before != null) {
            throw new ContentException(e.file(), e.line(), "the same text is already at " + before.file() + ":" + before.line()
                    + (before.label().equals(e.label()) ? "" : " with label '" + before.label() + "'"));
        }
    }

    private static String key(String text) {
        return String.join(" ", Normalizer.norm(text).split("\\s+"));
    }

    public List<Example> examples() {
        return examples;
    }

    public int size() {
        return examples.size();
    }

    /** The labels in order of first appearance. */
    public Set<String> labels() {
        Set<String> out = new LinkedHashSet<>();
        examples.forEach(e -> out.add(e.label()));
        return out;
    }

    /** A corpus of the examples with one of these labels. */
    public Corpus only(Set<String> keep) {
        return new Corpus(examples.stream().filter(e -> keep.contains(e.label())).toList());
    }

    /**
     * Splits off a held-back part for calibration and tests: an example is held back when a hash of
     * its normalised text falls into the first {@code percent} of 100 buckets. The split depends only
     * on each line's own text, so editing one line never moves others between the parts.
     */
    public Split split(int percent) {
        if (percent <= 0 || percent >= 100) {
            throw new IllegalArgumentException("percent must be 1..99");
        }
        List<Example> train = new ArrayList<>();
        List<Example> held = new ArrayList<>();
        for (Example e : examples) {
            CRC32C crc = new CRC32C();
            crc.update(key(e.text()).getBytes(StandardCharsets.UTF_8));
            (crc.getValue() % 100 < percent ? held : train).add(e);
        }
        return new Split(new Corpus(train), new Corpus(held));
    }

    /** The two parts of a {@link #split}. */
    public record Split(Corpus train, Corpus heldOut) {
    }
}
