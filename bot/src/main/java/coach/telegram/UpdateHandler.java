package coach.telegram;

import coach.core.ChatEvents;
import coach.core.ChatType;
import coach.core.ConversationCore;
import coach.core.Incoming;
import coach.core.Reply;
import coach.core.SendResult;
import coach.core.Texts;
import coach.core.InlineAnswers;
import coach.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns one Telegram update into core calls and Bot API calls. Private chats: every message. Groups:
 * commands, mentions of the bot and replies to it (privacy-mode etiquette). Channels: commands in
 * channel posts. Buttons: run as the command in their data (answered on arrival by the bot). Inline queries:
 * up to three ready-to-send articles. Membership changes of the bot go to {@link ChatEvents}.
 * Commands are recognised from the text ourselves (TelegramBots 10.2.0's isCommand() is unreliable).
 */
final class UpdateHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateHandler.class);
    /** Telegram's GroupAnonymousBot: the author shown for admins who post anonymously. */
    static final long ANONYMOUS_ADMIN_BOT = 1087968824L;

    private final ConversationCore core;
    private final TelegramSender sender;
    private final TelegramPermissions permissions;
    private final ChatEvents events;
    private final int inlineCacheSeconds;
    private volatile long botId;
    private final java.util.Set<String> migrations = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Pattern mention = Pattern.compile("(?!)");

    UpdateHandler(ConversationCore core, TelegramSender sender, TelegramPermissions permissions, ChatEvents events,
                  int inlineCacheSeconds) {
        this.core = core;
        this.sender = sender;
        this.permissions = permissions;
        this.events = events;
        this.inlineCacheSeconds = inlineCacheSeconds;
    }

    void setBot(long id, String username) {
        this.botId = id;
        this.mention = Pattern.compile("(?<![\\w@])@" + Pattern.quote(username) + "\\b", Pattern.CASE_INSENSITIVE);
    }

    /** Updates with the same key are handled in order, one at a time; different keys in parallel. */
    static String key(Update u) {
        if (u.getMessage() != null && u.getMessage().getChat() != null) {
            return "c" + u.getMessage().getChat().getId();
        }
        if (u.getChannelPost() != null && u.getChannelPost().getChat() != null) {
            return "c" + u.getChannelPost().getChat().getId();
        }
        if (u.getCallbackQuery() != null) {
            CallbackQuery q = u.getCallbackQuery();
            if (q.getMessage() != null && q.getMessage().getChatId() != null) {
                return "c" + q.getMessage().getChatId();
            }
            return "u" + (q.getFrom() == null ? "?" : q.getFrom().getId());
        }
        if (u.getInlineQuery() != null) {
            return "i" + (u.getInlineQuery().getFrom() == null ? "?" : u.getInlineQuery().getFrom().getId());
        }
        if (u.getMyChatMember() != null && u.getMyChatMember().getChat() != null) {
            return "c" + u.getMyChatMember().getChat().getId();
        }
        if (u.getChatMember() != null && u.getChatMember().getChat() != null) {
            return "c" + u.getChatMember().getChat().getId();
        }
        return "other";
    }

    /** Whether the update is a message someone should hear back from (for the flood notice). */
    static boolean isChatMessage(Update u) {
        return u.getMessage() != null && u.getMessage().getChat() != null;
    }

    void handle(Update u) {
        if (u.getMessage() != null) {
            onMessage(u.getMessage(), false);
        } else if (u.getChannelPost() != null) {
            onMessage(u.getChannelPost(), true);
        } else if (u.getCallbackQuery() != null) {
            onCallback(u.getCallbackQuery());
        } else if (u.getInlineQuery() != null) {
            onInline(u.getInlineQuery());
        } else if (u.getMyChatMember() != null) {
            onMyChatMember(u.getMyChatMember());
        } else if (u.getChatMember() != null && u.getChatMember().getChat() != null) {
            permissions.invalidate(String.valueOf(u.getChatMember().getChat().getId()));
            memberChanged(u.getChatMember());
        } else {
            LOG.debug("update {} of a kind the bot does not handle: ignored", u.getUpdateId());
        }
    }

    /** Tells a flooding chat once that the rest of its messages are skipped. */
    void floodNotice(Update u) {
        Message m = u.getMessage();
        Lang lang = Lang.fromCode(m.getFrom() == null ? null : m.getFrom().getLanguageCode());
        sender.deliver(TelegramSender.Target.chat(String.valueOf(m.getChat().getId())), Reply.of(Texts.get(lang, "telegram.flood")), null);
    }

    // ------------------------------------------------------------------ messages

    private void onMessage(Message m, boolean channelPost) {
        Chat chat = m.getChat();
        if (chat == null || chat.getId() == null) {
            return;
        }
        String chatId = String.valueOf(chat.getId());
        ChatType type = chatType(chat.getType(), chat.getId());
        permissions.noteChatType(chatId, type);
        if (m.getMigrateToChatId() != null || m.getMigrateFromChatId() != null) {
            permissions.invalidate(chatId);
            // the old group's service message and the new supergroup's first one both name the move: either moves the state
            String from = m.getMigrateToChatId() != null ? chatId : String.valueOf(m.getMigrateFromChatId());
            String to = m.getMigrateToChatId() != null ? String.valueOf(m.getMigrateToChatId()) : chatId;
            migrated(from, to);
            return;
        }
        User from = m.getFrom();
        Lang lang = Lang.fromCode(from == null ? null : from.getLanguageCode());
        String text = m.getText() != null ? m.getText() : m.getCaption();
        if (type == ChatType.PRIVATE) {
            sender.allow(chatId);
            if (text == null) {
                deliver(target(m, false), List.of(Reply.of(Texts.get(lang, "telegram.text_only"))), null);
                return;
            }
        } else if (channelPost || type == ChatType.CHANNEL) {
            if (text == null || !isCommand(text)) {
                return;
            }
        } else {
            noteMember(chatId, m);
            text = text == null ? null : addressedText(m, text);
            if (text == null) {
                return;
            }
        }
        Incoming in = Incoming.text(senderId(m, type), chatId, type, lang, text);
        if (text.length() >= LONG_WORK_CHARS) {
            chatAction(target(m, false), "typing"); // a long letter takes a moment to check
        }
        deliver(target(m, type == ChatType.GROUP || type == ChatType.SUPERGROUP), core.handle(in, permissions), null);
    }

    /** A group message tells who is in the group (the team view needs it); a service message who left. */
    private void noteMember(String chatId, Message m) {
        try {
            User left = m.getLeftChatMember();
            if (left != null && left.getId() != null) {
                events.memberLeft(chatId, String.valueOf(left.getId()));
            }
            User from = m.getFrom();
            if (from != null && from.getId() != null && !Boolean.TRUE.equals(from.getIsBot()) && m.getSenderChat() == null) {
                String name = from.getUserName() != null ? "@" + from.getUserName()
                        : (from.getFirstName() + (from.getLastName() == null ? "" : " " + from.getLastName())).strip();
                events.memberSeen(chatId, String.valueOf(from.getId()), name);
            }
        } catch (RuntimeException e) {
            LOG.error("member listener failed for chat {}: {}", chatId, Tokens.describe(e));
        }
    }

    /** A member left or was removed (Telegram sends these to admin bots): no longer one of the group's members. */
    private void memberChanged(ChatMemberUpdated u) {
        ChatMember now = u.getNewChatMember();
        if (now == null || now.getUser() == null || now.getUser().getId() == null) {
            return;
        }
        String status = now.getStatus() == null ? "" : now.getStatus().toLowerCase(Locale.ROOT);
        if (status.equals("left") || status.equals("kicked")) {
            try {
                events.memberLeft(String.valueOf(u.getChat().getId()), String.valueOf(now.getUser().getId()));
            } catch (RuntimeException e) {
                LOG.error("member listener failed for chat {}: {}", u.getChat().getId(), Tokens.describe(e));
            }
        }
    }

    static boolean isCommand(String text) {
        return text.stripLeading().startsWith("/");
    }

    /** In a group: the text to handle when the message is for the bot (a command, a mention, a reply to it), else null. */
    String addressedText(Message m, String text) {
        if (isCommand(text)) {
            return text;
        }
        Message replied = m.getReplyToMessage();
        if (replied != null && replied.getFrom() != null && replied.getFrom().getId() != null && replied.getFrom().getId() == botId) {
            return text;
        }
        Matcher mm = mention.matcher(text);
        if (mm.find()) {
            String rest = mm.replaceAll(" ").strip().replaceAll("^[,:\\s]+", "");
            return rest.isEmpty() ? "/help" : rest;
        }
        return null;
    }

    /** The user id the core sees; admins posting as the chat (channel posts, anonymous admins) share {@link TelegramPermissions#ADMIN_SENDER}. */
    static String senderId(Message m, ChatType type) {
        if (type == ChatType.CHANNEL) {
            return TelegramPermissions.ADMIN_SENDER;
        }
        Chat senderChat = m.getSenderChat();
        if (senderChat != null && senderChat.getId() != null) {
            return senderChat.getId().equals(m.getChatId()) ? TelegramPermissions.ADMIN_SENDER : "chat" + senderChat.getId();
        }
        User from = m.getFrom();
        if (from == null) {
            return "unknown";
        }
        return String.valueOf(from.getId());
    }

    private static TelegramSender.Target target(Message m, boolean replyTo) {
        Integer thread = Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId() : null;
        return new TelegramSender.Target(String.valueOf(m.getChat().getId()), thread, replyTo ? m.getMessageId() : null);
    }

    /** Texts from this length on show "typing…" while they are handled. */
    static final int LONG_WORK_CHARS = 1000;

    /** sendChatAction: "typing", "upload_document", "upload_photo" while long work is going on (best effort). */
    private void chatAction(TelegramSender.Target t, String action) {
        sender.call(org.telegram.telegrambots.meta.api.methods.send.SendChatAction.builder()
                .chatId(t.chatId()).messageThreadId(t.threadId()).action(action).build());
    }

    /**
     * Sends the replies in order; only the first may answer a message or replace the pressed one. A reply
     * with a document shows "sending a file…" first; replies the Bot API cannot take now are kept for later.
     */
    private void deliver(TelegramSender.Target t, List<Reply> replies, Integer editMessageId) {
        sender.deliverAll(t, replies, editMessageId, r -> {
            if (r.document() != null) {
                chatAction(t, "upload_document");
            }
        });
    }

    // ------------------------------------------------------------------ buttons

    private void onCallback(CallbackQuery q) {
        // the press itself was answered when it arrived (TelegramBot.answerNow), before any queue
        MaybeInaccessibleMessage msg = q.getMessage();
        User from = q.getFrom();
        if (q.getData() == null || from == null || msg == null || msg.getChatId() == null) {
            return; // a game, or a button under an inline message: nothing to send into
        }
        String chatId = String.valueOf(msg.getChatId());
        Chat chat = msg.getChat();
        ChatType type = chatType(chat == null ? null : chat.getType(), msg.getChatId());
        if (type == ChatType.PRIVATE) {
            sender.allow(chatId);
        }
        Integer edit = null;
        Integer thread = null;
        if (msg instanceof Message m && m.getDate() != null && m.getDate() != 0) {
            edit = m.getMessageId();
            thread = Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId() : null;
        }
        Lang lang = Lang.fromCode(from.getLanguageCode());
        Incoming in = Incoming.button(String.valueOf(from.getId()), chatId, type, lang, q.getData());
        deliver(new TelegramSender.Target(chatId, thread, null), core.handle(in, permissions), edit);
    }

    // ------------------------------------------------------------------ inline mode

    private void onInline(InlineQuery q) {
        User from = q.getFrom();
        String userId = from == null ? "unknown" : String.valueOf(from.getId());
        // the user's /lang choice wins over the language Telegram reports
        Lang lang = core.language(userId, Lang.fromCode(from == null ? null : from.getLanguageCode()));
        String query = q.getQuery() == null ? "" : HtmlRenderer.sanitize(q.getQuery()).strip();
        List<InlineAnswers.Answer> articles = query.length() > MAX_INLINE_QUERY ? List.of() : core.inline(userId, lang, query);
        List<InlineQueryResult> results = new ArrayList<>();
        for (InlineAnswers.Answer a : articles) {
            List<String> parts = HtmlRenderer.html(a.text());
            if (parts.isEmpty()) {
                continue;
            }
            String text = parts.size() == 1 ? parts.get(0) : trimmedFirst(parts.get(0));
            results.add(InlineQueryResultArticle.builder()
                    .id("a" + results.size())
                    .title(HtmlRenderer.shortPlain(a.title(), 64))
                    .description(HtmlRenderer.shortPlain(a.description(), 120))
                    .inputMessageContent(InputTextMessageContent.builder().messageText(text).parseMode(ParseMode.HTML).build())
                    .build());
        }
        AnswerInlineQuery.AnswerInlineQueryBuilder<?, ?> b = AnswerInlineQuery.builder()
                .inlineQueryId(q.getId()).results(results).cacheTime(inlineCacheSeconds).isPersonal(true);
        if (results.isEmpty()) {
            b.button(InlineQueryResultsButton.builder().text(Texts.get(lang, "telegram.inline.open")).startParameter("inline").build());
        }
        sender.call(b.build());
    }

    /** Inline queries are at most 256 characters; anything longer is not from Telegram. */
    static final int MAX_INLINE_QUERY = 512;

    /** The first part of a long text, with room for an ellipsis (an inline result is one message). */
    private static String trimmedFirst(String part) {
        return part.length() <= HtmlRenderer.MAX_CHARS - 2 ? part + "\n…" : part;
    }

    // ------------------------------------------------------------------ membership

    private void onMyChatMember(ChatMemberUpdated u) {
        Chat chat = u.getChat();
        ChatMember now = u.getNewChatMember();
        if (chat == null || chat.getId() == null || now == null) {
            return;
        }
        String chatId = String.valueOf(chat.getId());
        ChatType type = chatType(chat.getType(), chat.getId());
        permissions.noteChatType(chatId, type);
        permissions.invalidate(chatId);
        String status = now.getStatus() == null ? "" : now.getStatus().toLowerCase(Locale.ROOT);
        boolean member;
        boolean canPost;
        switch (status) {
            case "creator" -> {
                member = true;
                canPost = true;
            }
            case "administrator" -> {
                member = true;
                canPost = type != ChatType.CHANNEL
                        || now instanceof ChatMemberAdministrator a && Boolean.TRUE.equals(a.getCanPostMessages());
            }
            case "member" -> {
                member = true;
                canPost = type != ChatType.CHANNEL;
            }
            case "restricted" -> {
                ChatMemberRestricted r = now instanceof ChatMemberRestricted x ? x : null;
                member = r != null && Boolean.TRUE.equals(r.getIsMember());
                canPost = member && !Boolean.FALSE.equals(r.getCanSendMessages());
            }
            default -> {
                member = false;
                canPost = false;
            }
        }
        if (member) {
            sender.allow(chatId);
            LOG.info("bot joined chat {} ({}, {}), can post: {}", chatId, type, status, canPost);
            try {
                events.botJoined(chatId, type, canPost);
            } catch (RuntimeException e) {
                LOG.error("botJoined listener failed for chat {}: {}", chatId, Tokens.describe(e));
            }
        } else {
            sender.markForbidden(chatId, "removed from the chat (" + status + ")");
        }
    }

    /** A group moved to a new (supergroup) chat id: once per move, the state follows it. */
    void migrated(String from, String to) {
        if (from.equals(to) || !migrations.add(from + ">" + to)) {
            return;
        }
        sender.allow(to);
        permissions.invalidate(to);
        LOG.info("chat {} was upgraded to supergroup {}", from, to);
        try {
            events.chatMigrated(from, to);
        } catch (RuntimeException e) {
            migrations.remove(from + ">" + to);
            LOG.error("moving chat {} to {} failed: {}", from, to, Tokens.describe(e));
        }
    }

    static ChatType chatType(String t, Long chatId) {
        if (t != null) {
            switch (t.toLowerCase(Locale.ROOT)) {
                case "private":
                    return ChatType.PRIVATE;
                case "group":
                    return ChatType.GROUP;
                case "supergroup":
                    return ChatType.SUPERGROUP;
                case "channel":
                    return ChatType.CHANNEL;
                default:
                    break;
            }
        }
        return chatId != null && chatId < 0 ? ChatType.GROUP : ChatType.PRIVATE;
    }
}
