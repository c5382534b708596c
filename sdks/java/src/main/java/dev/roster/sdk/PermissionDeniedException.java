package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 403: not allowed in the current state, e.g. a directory of an organization without the scim feature. */
public class PermissionDeniedException extends RosterException {
    public PermissionDeniedException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
