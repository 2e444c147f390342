package coach.store;

/**
 * A kind of scheduled message with its own subscriptions and delivery records, kept by the same
 * code ({@link Subscriptions}, {@link TipLedger}) in tables of the same shape: daily tips, and the
 * weekly team digest (whose subscriptions also have a day of the week).
 */
public enum Feed {
    DAILY("subscriptions", "tip_deliveries", false),
    WEEKLY("digest_subscriptions", "digest_deliveries", true);

    final String subscriptions;
    final String deliveries;
    final boolean weekly;

    Feed(String subscriptions, String deliveries, boolean weekly) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.weekly = weekly;
    }
}
