package coach.kb;

import java.io.IOException;
import java.nio.file.Path;

/** Build steps over the packaged knowledge base that need this package's insides. */
public final class KbBuild {
    private KbBuild() {
    }

    /** Writes the parsed trees of every packaged YAML file ({@link YamlTrees}); returns how many. */
    public static int writeYamlTrees(Path classes) throws IOException {
        return YamlTrees.writeAll(classes);
    }
}
