package coach.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the knowledge base is read from: a directory an editor works in ({@code COACH_KB_DIR}), or
 * the copy packed into the jar. Paths are relative to the knowledge-base root, with '/'.
 */
public abstract class ContentSource {

    public abstract String read(String path);

    public abstract boolean exists(String path);

    /** Files directly under {@code dir} whose names end with {@code suffix}, sorted. */
    public abstract List<String> list(String dir, String suffix);

    public abstract String describe();

    /** The editor's directory when {@code COACH_KB_DIR} is set, else the packed copy. */
    public static ContentSource fromEnvironment() {
        String dir = System.getenv("COACH_KB_DIR");
        if (dir != null && !dir.isBlank()) {
            return directory(Path.of(dir));
        }
        return packaged();
    }

    public static ContentSource directory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new ContentException("", 0, "knowledge base directory not found: " + root);
        }
        return new DirSource(root);
    }

    /** The knowledge base packed next to the classes (a directory in development, the jar in production). */
    public static ContentSource packaged() {
        URL marker = ContentSource.class.getClassLoader().getResource("knowledge-base/guide.md");
        if (marker == null) {
            throw new ContentException("guide.md", 0, "the knowledge base is missing from the build");
        }
        try {
            if ("file".equals(marker.getProtocol())) {
                return new DirSource(Path.of(marker.toURI()).getParent());
            }
            if ("jar".equals(marker.getProtocol())) {
                String spec = marker.getPath();
                String jarPath = spec.substring("file:".length(), spec.indexOf("!/"));
                return new JarSource(Path.of(new java.net.URI("file:" + jarPath)));
            }
        } catch (URISyntaxException e) {
            throw new ContentException("guide.md", 0, "cannot locate the packed knowledge base: " + e.getMessage());
        }
        throw new ContentException("guide.md", 0, "unsupported knowledge base location: " + marker);
    }

    private static final class DirSource extends ContentSource {
        private final Path root;

        DirSource(Path root) {
            this.root = root;
        }

        @Override
        public String read(String path) {
            try {
                return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new ContentException(path, 0, "not valid UTF-8");
            } catch (IOException e) {
                throw new ContentException(path, 0, "cannot read: " + e.getMessage());
            }
        }

        @Override
        public boolean exists(String path) {
            return Files.isRegularFile(root.resolve(path));
        }

        @Override
        public List<String> list(String dir, String suffix) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(d)) {
                return s.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(suffix) && !n.startsWith("."))
                        .sorted()
                        .map(n -> dir.isEmpty() ? n : dir + "/" + n)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String describe() {
            return root.toString();
        }
    }

    /** The packed knowledge base's files, one path below its root per line, written by the build ({@code coach.app.IndexTool}). */
    public static final String LISTING = "knowledge-base.files";

    private static final class JarSource extends ContentSource {
        private static final String PREFIX = "knowledge-base/";
        private final Path jar;
        private List<String> entries;

        JarSource(Path jar) {
            this.jar = jar;
        }

        @Override
        public String read(String path) {
            try (InputStream in = ContentSource.class.getClassLoader().getResourceAsStream(PREFIX + path)) {
                if (in == null) {
                    throw new ContentException(path, 0, "file not found");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ContentException(path, 0, "cannot read: " + e.getMessage());
            }
        }

        @Override
        public boolean exists(String path) {
            return ContentSource.class.getClassLoader().getResource(PREFIX + path) != null;
        }

        @Override
        public List<String> list(String dir, String suffix) {
            String prefix = dir.isEmpty() ? "" : dir + "/";
            List<String> out = new ArrayList<>();
            for (String name : entries()) {
                if (name.startsWith(prefix) && name.endsWith(suffix)) {
                    String rest = name.substring(prefix.length());
                    if (!rest.contains("/") && !rest.startsWith(".")) {
                        out.add(name);
                    }
                }
            }
            Collections.sort(out);
            return out;
        }

        /**
         * The knowledge base's entries (paths below the root), read once: from the listing the build writes
         * ({@value #LISTING}), else from the jar's directory (some 17 000 entries in all, a noticeable part of a cold start).
         */
        private synchronized List<String> entries() {
            if (entries == null) {
                try (InputStream in = ContentSource.class.getClassLoader().getResourceAsStream(LISTING)) {
                    if (in != null) {
                        entries = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
                        return entries;
                    }
                } catch (IOException e) {
                    // fall back to the jar's own directory
                }
                List<String> names = new ArrayList<>();
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    Enumeration<? extends ZipEntry> en = zip.entries();
                    while (en.hasMoreElements()) {
                        String name = en.nextElement().getName();
                        if (name.startsWith(PREFIX)) {
                            names.add(name.substring(PREFIX.length()));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                entries = List.copyOf(names);
            }
            return entries;
        }

        @Override
        public String describe() {
            return jar + "!/knowledge-base";
        }
    }
}
