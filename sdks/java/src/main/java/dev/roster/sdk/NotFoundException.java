package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 404: an unknown id, including another organization's ids. */
public class NotFoundException extends RosterException {
    public NotFoundException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
