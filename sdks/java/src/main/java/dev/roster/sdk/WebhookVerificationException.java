package dev.roster.sdk;

/** A webhook delivery that did not verify, and why ({@link #getReason()}): answer it 400 or 401 and do not act on it. */
public class WebhookVerificationException extends RuntimeException {
    /** Why a delivery was refused; {@link #getCode()} spells it as {@code @roster/sdk} does. */
    public enum Reason {
        MISSING_HEADER("missing_header"),
        INVALID_SECRET("invalid_secret"),
        INVALID_TIMESTAMP("invalid_timestamp"),
        TIMESTAMP_OUT_OF_TOLERANCE("timestamp_out_of_tolerance"),
        NO_MATCHING_SIGNATURE("no_matching_signature");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String getCode() {
            return code;
        }
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
