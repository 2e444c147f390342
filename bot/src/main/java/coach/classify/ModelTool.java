package coach.classify;

import coach.kb.ContentSource;
import java.nio.file.Path;

/**
 * Build step (run by Maven after compiling, like {@code coach.app.IndexTool}): trains each listed
 * {@link ModelSpec} on the packaged knowledge base and writes {@code <classes>/models/<name>.bin}.
 * Arguments: the classes directory, then the spec classes.
 */
public final class ModelTool {
    private ModelTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ModelTool <classes dir> <ModelSpec class>...");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        ContentSource source = ContentSource.directory(classes.resolve("knowledge-base"));
        for (int i = 1; i < args.length; i++) {
            ModelSpec spec = (ModelSpec) Class.forName(args[i]).getDeclaredConstructor().newInstance();
            long t0 = System.nanoTime();
            ModelDefinition def = spec.define(source);
            Categorizer c = spec.train(source);
            Path file = classes.resolve("models").resolve(c.name() + ".bin");
            c.write(file);
            System.out.printf("model %s: %d examples, %d labels, %d bytes, trained in %d ms%n", c.name(), def.examples().size(),
                    c.labels().size(), java.nio.file.Files.size(file), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
