package coach.telegram;

import coach.core.Button;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One Bot API message, rendered: a text part (Telegram HTML) or a document, with the buttons that go
 * under it. A reply becomes one or more of these; the outbox keeps them as JSON while the Bot API is
 * unreachable.
 *
 * @param editId  the message this one may replace (a pressed button's), or null
 * @param html    the text part, or null for a document
 * @param docName the document's (or photo's) file name, or null
 * @param photo   the file is a picture to show (sendPhoto), not a document
 */
record Outgoing(String chatId, Integer threadId, Integer replyTo, Integer editId, String html, List<List<Button>> buttons,
                String docName, byte[] docContent, boolean photo) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Outgoing text(TelegramSender.Target t, Integer replyTo, Integer editId, String html, List<List<Button>> buttons) {
        return new Outgoing(t.chatId(), t.threadId(), replyTo, editId, html, buttons, null, null, false);
    }

    static Outgoing document(TelegramSender.Target t, String name, byte[] content, List<List<Button>> buttons) {
        return new Outgoing(t.chatId(), t.threadId(), null, null, null, buttons, name, content, false);
    }

    static Outgoing photo(TelegramSender.Target t, String name, byte[] content, List<List<Button>> buttons) {
        return new Outgoing(t.chatId(), t.threadId(), null, null, null, buttons, name, content, true);
    }

    TelegramSender.Target target() {
        return new TelegramSender.Target(chatId, threadId, replyTo);
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("chat", chatId);
        if (threadId != null) {
            o.put("thread", threadId);
        }
        if (replyTo != null) {
            o.put("replyTo", replyTo);
        }
        if (editId != null) {
            o.put("edit", editId);
        }
        if (html != null) {
            o.put("html", html);
        }
        if (docName != null) {
            o.put("doc", docName);
            o.put("content", Base64.getEncoder().encodeToString(docContent));
            if (photo) {
                o.put("photo", true);
            }
        }
        ArrayNode rows = o.putArray("buttons");
        for (List<Button> row : buttons) {
            ArrayNode r = rows.addArray();
            for (Button b : row) {
                r.addObject().put("label", b.label()).put("data", b.data());
            }
        }
        return o.toString();
    }

    static Outgoing fromJson(String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<Button>> buttons = new ArrayList<>();
        for (JsonNode row : o.path("buttons")) {
            List<Button> r = new ArrayList<>();
            for (JsonNode b : row) {
                r.add(new Button(b.path("label").asText(), b.path("data").asText()));
            }
            buttons.add(r);
        }
        return new Outgoing(o.path("chat").asText(), o.has("thread") ? o.get("thread").asInt() : null,
                o.has("replyTo") ? o.get("replyTo").asInt() : null, o.has("edit") ? o.get("edit").asInt() : null,
                o.has("html") ? o.get("html").asText() : null, buttons,
                o.has("doc") ? o.get("doc").asText() : null, o.has("doc") ? Base64.getDecoder().decode(o.path("content").asText()) : null,
                o.path("photo").asBoolean(false));
    }
}
