package coach.telegram;

import coach.core.ChatType;
import coach.core.Permissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;

/**
 * Who may run admin commands in a group or channel, asked from Telegram with {@code getChatMember}
 * (creator or administrator) and remembered briefly. Anonymous group admins and channel posts (only
 * admins can post in a channel) come with the {@link #ADMIN_SENDER} user id and are admins.
 */
final class TelegramPermissions implements Permissions {
    /** The user id given to messages whose author is a chat admin without a user account: channel posts, anonymous admins. */
    static final String ADMIN_SENDER = "chat-admin";

    private record Cached(ChatMember member, long expires) {
    }

    private final TelegramSender sender;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, ChatType> types = new ConcurrentHashMap<>();
    private volatile long botId;

    TelegramPermissions(TelegramSender sender, Duration ttl) {
        this.sender = sender;
        this.ttlNanos = ttl.toNanos();
    }

    void setBotId(long id) {
        this.botId = id;
    }

    @Override
    public boolean isChatAdmin(String chatId, String userId) {
        if (ADMIN_SENDER.equals(userId)) {
            return true;
        }
        long uid;
        try {
            uid = Long.parseLong(userId);
        } catch (NumberFormatException e) {
            return false;
        }
        return member(chatId, uid).map(m -> "creator".equals(m.getStatus()) || "administrator".equals(m.getStatus())).orElse(false);
    }

    /** Remembers what kind of chat an id is (seen in an update): a channel needs an admin bot allowed to post. */
    void noteChatType(String chatId, ChatType type) {
        if (types.size() > 100_000) {
            types.clear();
        }
        types.put(chatId, type);
    }

    @Override
    public boolean botCanPost(String chatId) {
        if (!chatId.startsWith("-")) {
            return true; // a private chat: the user writes to the bot
        }
        Optional<ChatMember> m = member(chatId, botId);
        if (m.isEmpty()) {
            return false;
        }
        ChatMember cm = m.get();
        return switch (cm.getStatus()) {
            case "creator" -> true;
            case "member" -> types.get(chatId) != ChatType.CHANNEL;
            case "administrator" -> !(cm instanceof ChatMemberAdministrator a) || a.getCanPostMessages() == null
                    ? types.get(chatId) != ChatType.CHANNEL : a.getCanPostMessages();
            case "restricted" -> cm instanceof ChatMemberRestricted r && Boolean.TRUE.equals(r.getIsMember()) && !Boolean.FALSE.equals(r.getCanSendMessages());
            default -> false;
        };
    }

    /** Forgets what was known about a chat (membership changed). */
    void invalidate(String chatId) {
        String prefix = chatId + "/";
        cache.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private Optional<ChatMember> member(String chatId, long userId) {
        String key = chatId + "/" + userId;
        Cached c = cache.get(key);
        long now = System.nanoTime();
        if (c != null && c.expires - now > 0) {
            return Optional.of(c.member);
        }
        TelegramSender.Result<ChatMember> r = sender.call(GetChatMember.builder().chatId(chatId).userId(userId).build());
        if (r.outcome() != TelegramSender.Outcome.OK || r.value() == null) {
            return Optional.empty();
        }
        cache.put(key, new Cached(r.value(), now + ttlNanos));
        return Optional.of(r.value());
    }
}
