package coach.core;

/**
 * Sends messages the coach starts itself (daily tips) to a chat. Implemented by a transport; it
 * enforces the transport's rate limits and retries transient failures, blocking the caller as needed.
 */
public interface ChatSender {
    SendResult send(String chatId, Reply reply);
}
