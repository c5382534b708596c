package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 410: an Events API cursor older than the retention period (cursor_expired). */
public class GoneException extends RosterException {
    public GoneException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
