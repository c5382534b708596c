package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 5xx after the retries ran out (or at once for a POST, which may have been applied). */
public class ServerException extends RosterException {
    public ServerException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
