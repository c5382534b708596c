package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 400 (and other 4xx the request itself caused): {@link #getParameter()} names the refused parameter. */
public class BadRequestException extends RosterException {
    public BadRequestException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
