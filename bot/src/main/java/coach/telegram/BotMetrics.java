package coach.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bot's metrics (Micrometer, scraped as Prometheus text from {@code /metrics}): updates handled and
 * skipped as duplicates, replies sent, send errors by Bot API code, queue depths, tip deliveries by
 * outcome, webhook requests by status, and the latency of the store and of handling an update.
 */
public final class BotMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter duplicates;
    private final Counter repliesSent;
    private final Timer storeLatency;
    private final Timer handling;

    BotMetrics() {
        duplicates = Counter.builder("coach.updates.duplicate").description("updates delivered again and not handled twice").register(registry);
        repliesSent = Counter.builder("coach.replies.sent").description("messages the Bot API took").register(registry);
        storeLatency = Timer.builder("coach.store.latency").description("duration of store transactions and reads")
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(1)).register(registry);
        handling = Timer.builder("coach.update.handling").description("time from an update's arrival to the end of its handling")
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(1)).register(registry);
    }

    void updateHandled(String kind) {
        Counter.builder("coach.updates.handled").description("updates handled, by kind").tag("kind", kind).register(registry).increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void replySent() {
        repliesSent.increment();
    }

    /** A Bot API call failed: {@code code} is its HTTP error code, or "network". */
    void sendError(String code) {
        Counter.builder("coach.send.errors").description("failed Bot API calls, by error code (network: no answer)").tag("code", code).register(registry).increment();
    }

    void tipDelivery(String status) {
        Counter.builder("coach.tip.deliveries").description("daily tips and digests sent, by outcome").tag("status", status.toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    void webhookRequest(int status) {
        Counter.builder("coach.webhook.requests").description("requests to the webhook path, by answered status").tag("status", String.valueOf(status)).register(registry).increment();
    }

    void storeNanos(long nanos) {
        storeLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void handledNanos(long nanos) {
        handling.record(nanos, TimeUnit.NANOSECONDS);
    }

    void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** Everything, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }
}
