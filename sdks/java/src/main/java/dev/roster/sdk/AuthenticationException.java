package dev.roster.sdk;

import java.net.http.HttpHeaders;
import java.util.Map;

/** 401: the credentials were refused (invalid_client), or an access token was refused twice in a row. */
public class AuthenticationException extends RosterException {
    public AuthenticationException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers) {
        super(status, code, message, details, headers, null);
    }
}
