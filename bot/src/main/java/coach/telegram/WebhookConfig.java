package coach.telegram;

import java.net.URI;
import java.util.Map;

/**
 * Webhook mode: Telegram POSTs each update to {@code publicUrl} (the load balancer's or reverse proxy's
 * HTTPS address), which forwards it to this replica's port; the request path is the URL's path.
 *
 * @param publicUrl      TELEGRAM_WEBHOOK_URL, registered with setWebhook
 * @param port           COACH_WEBHOOK_PORT (default 8443), plain HTTP: TLS ends at the proxy
 * @param path           the path updates are POSTed to (the URL's path, "/" if none)
 * @param secret         TELEGRAM_WEBHOOK_SECRET, sent back by Telegram in X-Telegram-Bot-Api-Secret-Token
 * @param maxConnections how many connections Telegram may open at once (setWebhook max_connections)
 * @param maxBodyBytes   larger request bodies are refused with 413
 */
public record WebhookConfig(String publicUrl, int port, String path, String secret, int maxConnections, int maxBodyBytes) {
    public static final int DEFAULT_PORT = 8443;
    public static final int DEFAULT_MAX_CONNECTIONS = 40;
    /** A text message is at most 4096 characters; with entities and a reply quoted, updates stay far below 1 MB. */
    public static final int DEFAULT_MAX_BODY = 1 << 20;

    public WebhookConfig {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{16,256}")) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be 16 to 256 characters A-Z, a-z, 0-9, '_' or '-' "
                    + "(Telegram sends it back with every update; generate one, e.g. openssl rand -hex 32)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("COACH_WEBHOOK_PORT must be a port number (0-65535)");
        }
    }

    /** Webhook mode as the environment asks for it, or null when TELEGRAM_WEBHOOK_URL is not set (long polling). */
    public static WebhookConfig fromEnvironment(Map<String, String> env) {
        String url = env.getOrDefault("TELEGRAM_WEBHOOK_URL", "").strip();
        if (url.isEmpty()) {
            return null;
        }
        URI u;
        try {
            u = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL is not a URL; expected https://host[:port]/path");
        }
        if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null || u.getRawQuery() != null || u.getUserInfo() != null) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL must be an https:// URL without a query, e.g. https://bot.example.com/telegram "
                    + "(Telegram calls only HTTPS; the TLS proxy forwards to COACH_WEBHOOK_PORT)");
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        if (path.equals("/healthz") || path.equals("/readyz") || path.equals("/metrics")) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL's path " + path + " is taken by the health and metrics endpoints");
        }
        String p = env.getOrDefault("COACH_WEBHOOK_PORT", "").strip();
        int port;
        try {
            port = p.isEmpty() ? DEFAULT_PORT : Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("COACH_WEBHOOK_PORT must be a port number, not '" + p + "'");
        }
        String secret = env.get("TELEGRAM_WEBHOOK_SECRET");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET is not set: webhook mode needs a secret so that forged requests are refused "
                    + "(16-256 characters A-Z, a-z, 0-9, '_' or '-', e.g. openssl rand -hex 32)");
        }
        return new WebhookConfig(url, port, path, secret.strip(), DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_BODY);
    }

    public WebhookConfig withPort(int p) {
        return new WebhookConfig(publicUrl, p, path, secret, maxConnections, maxBodyBytes);
    }

    @Override
    public String toString() {
        return "WebhookConfig[url=" + publicUrl + ", port=" + port + ", path=" + path + ", maxConnections=" + maxConnections + "]";
    }
}
