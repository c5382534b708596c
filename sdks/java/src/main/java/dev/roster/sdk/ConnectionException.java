package dev.roster.sdk;

import java.util.Map;

/** No response: the connection failed or the request timed out. {@link #getStatus()} is 0. */
public class ConnectionException extends RosterException {
    public ConnectionException(String message, Throwable cause) {
        super(0, "connection_failed", message, Map.of(), null, cause);
    }
}
