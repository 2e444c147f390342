package coach.telegram;

import coach.core.Rich;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link Rich} text as Telegram HTML: every segment is escaped, styles become the few tags
 * Telegram knows (MARK → bold underline, QUOTE → italic, CODE → code), and the result is split into
 * messages of at most {@value #MAX_CHARS} characters at paragraph boundaries (then lines, then
 * words; a part never breaks a tag, an entity or a surrogate pair).
 */
final class HtmlRenderer {
    /** Telegram's limit for one message's text. The HTML source is kept within it, so the visible text is too. */
    static final int MAX_CHARS = 4096;

    private HtmlRenderer() {
    }

    static List<String> html(Rich text) {
        return render(text, true, MAX_CHARS);
    }

    /** The same text without markup, for a message sent without parse mode (a last resort). */
    static List<String> plain(Rich text) {
        return render(Rich.of(text.plain()), false, MAX_CHARS);
    }

    static List<String> render(Rich text, boolean html, int max) {
        List<List<Rich.Seg>> paragraphs = paragraphs(text);
        List<String> chunks = new ArrayList<>();
        for (List<Rich.Seg> p : paragraphs) {
            chunks.addAll(chunksOf(p, html, max));
        }
        List<String> messages = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String c : chunks) {
            if (cur.length() == 0) {
                cur.append(c);
            } else if (cur.length() + 2 + c.length() <= max) {
                cur.append("\n\n").append(c);
            } else {
                messages.add(cur.toString());
                cur.setLength(0);
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            messages.add(cur.toString());
        }
        return messages;
    }

    /** Splits the segments at blank lines; paragraphs without visible text are dropped. */
    static List<List<Rich.Seg>> paragraphs(Rich text) {
        List<List<Rich.Seg>> out = new ArrayList<>();
        List<Rich.Seg> cur = new ArrayList<>();
        for (Rich.Seg s : text.segments()) {
            String t = sanitize(s.text());
            int from = 0;
            while (true) {
                int at = t.indexOf("\n\n", from);
                String piece = at < 0 ? t.substring(from) : t.substring(from, at);
                if (!piece.isEmpty()) {
                    cur.add(new Rich.Seg(s.style(), piece));
                }
                if (at < 0) {
                    break;
                }
                flush(out, cur);
                cur = new ArrayList<>();
                from = at + 2;
                while (from < t.length() && t.charAt(from) == '\n') {
                    from++;
                }
            }
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<List<Rich.Seg>> out, List<Rich.Seg> p) {
        // trim blank lines around the paragraph
        while (!p.isEmpty() && p.get(0).style() == Rich.Style.PLAIN && p.get(0).text().isBlank()) {
            p.remove(0);
        }
        while (!p.isEmpty() && p.get(p.size() - 1).style() == Rich.Style.PLAIN && p.get(p.size() - 1).text().isBlank()) {
            p.remove(p.size() - 1);
        }
        boolean visible = p.stream().anyMatch(s -> !s.text().isBlank());
        if (visible) {
            out.add(p);
        }
    }

    /** One paragraph as one or more pieces of at most {@code max} characters each. */
    private static List<String> chunksOf(List<Rich.Seg> p, boolean html, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (Rich.Seg s : p) {
            String whole = seg(s.style(), s.text(), html);
            if (cur.length() + whole.length() <= max) {
                cur.append(whole);
                continue;
            }
            String rest = s.text();
            while (!rest.isEmpty()) {
                int overhead = seg(s.style(), "", html).length();
                int budget = max - cur.length() - overhead;
                int cut = cutPoint(rest, budget, html);
                if (cut <= 0) {
                    if (cur.length() == 0) {
                        throw new IllegalStateException("cannot fit any text into a message");
                    }
                    out.add(cur.toString());
                    cur.setLength(0);
                    continue;
                }
                cur.append(seg(s.style(), rest.substring(0, cut), html));
                rest = rest.substring(cut);
                if (!rest.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * The length of the longest prefix of {@code t} whose escaped form fits {@code budget} characters,
     * moved back to a line break or a space when one is near, never between two halves of a surrogate pair.
     */
    static int cutPoint(String t, int budget, boolean html) {
        if (budget <= 0) {
            return 0;
        }
        int used = 0;
        int i = 0;
        while (i < t.length()) {
            int w = html ? escapedWidth(t.charAt(i)) : 1;
            if (used + w > budget) {
                break;
            }
            used += w;
            i++;
        }
        if (i >= t.length()) {
            return t.length();
        }
        if (i > 0 && Character.isHighSurrogate(t.charAt(i - 1))) {
            i--;
        }
        int nl = t.lastIndexOf('\n', i - 1);
        if (nl >= i / 2 && nl > 0) {
            return nl + 1;
        }
        int sp = t.lastIndexOf(' ', i - 1);
        if (sp >= i / 2 && sp > 0) {
            return sp + 1;
        }
        return i;
    }

    private static int escapedWidth(char c) {
        return switch (c) {
            case '&' -> 5;
            case '<', '>' -> 4;
            default -> 1;
        };
    }

    private static String seg(Rich.Style style, String text, boolean html) {
        if (!html) {
            return text;
        }
        String e = escape(text);
        return switch (style) {
            case BOLD -> "<b>" + e + "</b>";
            case ITALIC, QUOTE -> "<i>" + e + "</i>";
            case CODE -> "<code>" + e + "</code>";
            case MARK -> "<b><u>" + e + "</u></b>";
            default -> e;
        };
    }

    /** Escapes the three characters Telegram's HTML parser treats specially. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (rep != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Removes what Telegram cannot show or refuses: control characters other than line breaks and tabs,
     * and halves of surrogate pairs (they cannot be encoded as UTF-8); carriage returns are dropped.
     */
    static String sanitize(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = null;
            boolean drop = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                rep = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                rep = "\uFFFD";
            } else if (c != '\n' && c != '\t' && Character.isISOControl(c)) {
                drop = true;
            }
            if (rep != null || drop) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (rep != null) {
                    b.append(rep);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** A label or short text for places that take no markup (button labels, inline titles), cut to {@code max} characters. */
    static String shortPlain(String s, int max) {
        return coach.text.OneLine.cut(sanitize(s), max);
    }
}
