package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 409: e.g. an external id already taken, a role still assigned, the last active API client. */
public class ConflictException extends RosterException {
    public ConflictException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
