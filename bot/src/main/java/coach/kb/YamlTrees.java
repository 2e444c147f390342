package coach.kb;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed trees of the packaged content files, written at build time ({@code yaml-trees/<file>.bin} in the jar) so a
 * cold start reads each tree instead of scanning its YAML: scanning the 1.8 MB of rule files was a third of a cold
 * {@code check}. A tree is used only for exactly the text it was parsed from (its length and hash are kept with it):
 * a file an editor changed — in a {@code COACH_KB_DIR} directory, say — is parsed and validated as written.
 * Lines are kept, so every error still names the file and line.
 */
public final class YamlTrees {
    static final String DIR = "yaml-trees/";
    private static final int MAGIC = 0x59545231; // "YTR1"

    private YamlTrees() {
    }

    /** The tree of {@code file} when the jar holds one parsed from this very text, else null. */
    static Yaml.Node lookup(String file, String text) {
        if (!file.endsWith(".yaml") || file.contains("..")) {
            return null;
        }
        try (InputStream raw = YamlTrees.class.getClassLoader().getResourceAsStream(DIR + file + ".bin")) {
            if (raw == null) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(raw.readAllBytes());
            if (in.getInt() != MAGIC || in.getInt() != text.length() || in.getInt() != text.hashCode()) {
                return null;
            }
            int blob = in.getInt();
            String all = new String(in.array(), in.position(), blob, StandardCharsets.UTF_8);
            in.position(in.position() + blob);
            String[] strings = new String[in.getInt()];
            int at = 0;
            for (int i = 0; i < strings.length; i++) {
                int n = in.getInt();
                strings[i] = all.substring(at, at + n);
                at += n;
            }
            return read(in, strings, file);
        } catch (IOException | RuntimeException e) {
            return null; // a damaged tree is no tree: the file is parsed as written
        }
    }

    private static final Yaml.Kind[] KINDS = Yaml.Kind.values();

    private static Yaml.Node read(ByteBuffer in, String[] strings, String file) {
        Yaml.Kind kind = KINDS[in.get()];
        int valueLine = in.getInt();
        int line = in.getInt();
        switch (kind) {
            case MAP -> {
                int n = in.getInt();
                Map<String, Yaml.Node> fields = new LinkedHashMap<>(Math.max(4, n * 2));
                for (int i = 0; i < n; i++) {
                    String key = strings[in.getInt()];
                    fields.put(key, read(in, strings, file));
                }
                return Yaml.node(kind, file, valueLine, line, null, false, Collections.unmodifiableMap(fields), List.of());
            }
            case LIST -> {
                int n = in.getInt();
                List<Yaml.Node> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(read(in, strings, file));
                }
                return Yaml.node(kind, file, valueLine, line, null, false, Map.of(), Collections.unmodifiableList(items));
            }
            case SCALAR -> {
                String value = strings[in.getInt()];
                boolean plain = in.get() != 0;
                return Yaml.node(kind, file, valueLine, line, value, plain, Map.of(), List.of());
            }
            default -> {
                return Yaml.node(kind, file, valueLine, line, null, false, Map.of(), List.of());
            }
        }
    }

    /**
     * Build step: parses every {@code .yaml} file under {@code classes/knowledge-base} and writes its tree under
     * {@code classes/yaml-trees/}; a file that does not parse fails the build with its file and line. Returns the
     * number of files.
     */
    public static int writeAll(Path classes) throws IOException {
        Path root = classes.resolve("knowledge-base");
        List<Path> files;
        try (var s = Files.walk(root)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path p : files) {
            String file = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Path out = classes.resolve(DIR + file + ".bin");
            Files.createDirectories(out.getParent());
            Files.write(out, encode(Yaml.parseText(file, text), text));
        }
        return files.size();
    }

    static byte[] encode(Yaml.Node root, String text) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        List<String> strings = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(new DataOutputStream(body), root, ids, strings);
        StringBuilder all = new StringBuilder();
        for (String s : strings) {
            all.append(s);
        }
        byte[] blob = all.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(text.length());
        d.writeInt(text.hashCode());
        d.writeInt(blob.length);
        d.write(blob);
        d.writeInt(strings.size());
        for (String s : strings) {
            d.writeInt(s.length());
        }
        body.writeTo(d);
        d.flush();
        return out.toByteArray();
    }

    private static void write(DataOutputStream d, Yaml.Node n, Map<String, Integer> ids, List<String> strings) throws IOException {
        d.writeByte(n.kind().ordinal());
        d.writeInt(n.valueLine());
        d.writeInt(n.line());
        switch (n.kind()) {
            case MAP -> {
                d.writeInt(n.fields().size());
                for (Map.Entry<String, Yaml.Node> e : n.fields().entrySet()) {
                    d.writeInt(id(e.getKey(), ids, strings));
                    write(d, e.getValue(), ids, strings);
                }
            }
            case LIST -> {
                d.writeInt(n.items().size());
                for (Yaml.Node x : n.items()) {
                    write(d, x, ids, strings);
                }
            }
            case SCALAR -> {
                d.writeInt(id(n.value(), ids, strings));
                d.writeBoolean(n.isPlain());
            }
            default -> {
            }
        }
    }

    private static int id(String s, Map<String, Integer> ids, List<String> strings) {
        return ids.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }
}
