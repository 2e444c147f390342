package coach.core;

import coach.text.Lang;

/**
 * A message or button press as the core sees it, whatever the transport.
 *
 * @param userId   the sender (stable per transport)
 * @param chatId   the chat it was sent in
 * @param chatType private chat, group or channel
 * @param lang     the user's interface language
 * @param text     the text typed, or for a button press its data
 * @param button   true when this is a button press
 */
public record Incoming(String userId, String chatId, ChatType chatType, Lang lang, String text, boolean button) {

    public static Incoming text(String userId, String chatId, ChatType type, Lang lang, String text) {
        return new Incoming(userId, chatId, type, lang, text == null ? "" : text, false);
    }

    public static Incoming button(String userId, String chatId, ChatType type, Lang lang, String data) {
        return new Incoming(userId, chatId, type, lang, data == null ? "" : data, true);
    }

    public static Incoming console(String text) {
        return text("console", "console", ChatType.PRIVATE, Lang.RU, text);
    }

    public Incoming withLang(Lang l) {
        return new Incoming(userId, chatId, chatType, l, text, button);
    }

    public Incoming withText(String t) {
        return new Incoming(userId, chatId, chatType, lang, t, button);
    }
}
