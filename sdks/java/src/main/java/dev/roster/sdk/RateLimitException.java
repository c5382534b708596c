package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 429 after the retries ran out, or with a Retry-After longer than the client waits. */
public class RateLimitException extends RosterException {
    public RateLimitException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
