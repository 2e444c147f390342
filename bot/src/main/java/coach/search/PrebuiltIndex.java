package coach.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * The search index written once at build time into the jar ({@code search-index/}), with the
 * fingerprint of the content it was built from. At start the engine opens it instead of indexing,
 * which saves a cold one-off search a good part of its time. When the content differs (an editor's
 * {@code COACH_KB_DIR}) or the index is missing, the engine indexes as usual.
 */
final class PrebuiltIndex {
    static final String DIR = "search-index";
    static final String MANIFEST = "manifest.txt";

    @FunctionalInterface
    interface Writer {
        void write(Directory dir) throws IOException;
    }

    private PrebuiltIndex() {
    }

    /** The prebuilt index as an in-memory directory, or null when there is none for this fingerprint. */
    static Directory load(String fingerprint) {
        ClassLoader cl = PrebuiltIndex.class.getClassLoader();
        try (InputStream m = cl.getResourceAsStream(DIR + "/" + MANIFEST)) {
            if (m == null) {
                return null;
            }
            List<String> lines = new String(m.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals(fingerprint)) {
                return null;
            }
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            for (String file : lines.subList(1, lines.size())) {
                try (InputStream in = cl.getResourceAsStream(DIR + "/" + file); IndexOutput out = dir.createOutput(file, IOContext.DEFAULT)) {
                    if (in == null) {
                        return null;
                    }
                    byte[] bytes = in.readAllBytes();
                    out.writeBytes(bytes, bytes.length);
                }
            }
            return dir;
        } catch (IOException e) {
            return null;
        }
    }

    static void write(Path target, String fingerprint, Writer writer) throws IOException {
        if (Files.isDirectory(target)) {
            try (var old = Files.list(target)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(target);
        List<String> files = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(target)) {
            writer.write(dir);
            for (String f : dir.listAll()) {
                if (!f.equals("write.lock")) {
                    files.add(f);
                }
            }
        }
        Files.deleteIfExists(target.resolve("write.lock"));
        List<String> manifest = new ArrayList<>();
        manifest.add(fingerprint);
        manifest.addAll(files);
        Files.write(target.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
    }
}
