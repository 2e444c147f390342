package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import coach.core.Button;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kept message reads back as it was written: text, thread, reply, edit, buttons, document bytes. */
class OutgoingTest {
    @Test
    void aKeptMessageReadsBackAsWritten() {
        TelegramSender.Target t = new TelegramSender.Target("-100123", 7, 55);
        Outgoing text = Outgoing.text(t, 55, 900, "<b>Здравствуйте</b> &amp; «кавычки»\n\nабзац", List.of(List.of(new Button("Ещё", "/tip more"), new Button("Стоп", "/cancel"))));
        Outgoing back = Outgoing.fromJson(text.toJson());
        assertEquals(text.chatId(), back.chatId());
        assertEquals(7, back.threadId());
        assertEquals(55, back.replyTo());
        assertEquals(900, back.editId());
        assertEquals(text.html(), back.html());
        assertEquals(text.buttons(), back.buttons());
        assertNull(back.docName());

        byte[] content = "# Шаблон\n\n{{имя_клиента}}\u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        Outgoing doc = Outgoing.document(TelegramSender.Target.chat("42"), "шаблон.md", content, List.of());
        Outgoing docBack = Outgoing.fromJson(doc.toJson());
        assertEquals("шаблон.md", docBack.docName());
        assertArrayEquals(content, docBack.docContent());
        assertNull(docBack.html());
        assertNull(docBack.threadId());
        assertEquals(List.of(), docBack.buttons());
    }
}
