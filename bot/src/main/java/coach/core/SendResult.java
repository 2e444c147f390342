package coach.core;

/**
 * What became of one outgoing message. Transient failures (rate limits, 5xx, network) are retried
 * inside the sender; what comes out is final.
 */
public record SendResult(Status status, String detail) {
    public enum Status {
        /** Delivered. */
        SENT,
        /** The chat does not accept messages from the bot any more (blocked, kicked, deleted): stop sending there. */
        FORBIDDEN,
        /** Not delivered after bounded retries, or rejected as malformed. */
        FAILED,
        /**
         * Sent, but no answer came back (a timeout after the request went out, a server error): it may or
         * may not have arrived. Senders that promise "never twice" do not repeat it.
         */
        UNKNOWN
    }

    public static SendResult sent() {
        return new SendResult(Status.SENT, "");
    }

    public static SendResult forbidden(String detail) {
        return new SendResult(Status.FORBIDDEN, detail);
    }

    public static SendResult failed(String detail) {
        return new SendResult(Status.FAILED, detail);
    }

    public static SendResult unknown(String detail) {
        return new SendResult(Status.UNKNOWN, detail);
    }

    public boolean ok() {
        return status == Status.SENT;
    }
}
