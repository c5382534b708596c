package dev.roster.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failed call: the management API's one error shape ({@code code}, {@code message},
 * {@code details}) with the HTTP status. Subclasses tell the statuses apart
 * ({@link NotFoundException}, {@link BadRequestException}, ...); {@link #getParameter()} names the
 * request parameter a 400 refused.
 */
public class RosterException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final transient HttpHeaders headers;

    public RosterException(int status, String code, String message, Map<String, Object> details, HttpHeaders headers, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.headers = headers;
    }

    /** The HTTP status; 0 when no response came (see {@link ConnectionException}). */
    public int getStatus() {
        return status;
    }

    /** The API's stable error code: invalid_argument, unauthenticated, not_found, already_exists, ... */
    public String getCode() {
        return code;
    }

    public Map<String, Object> getDetails() {
        return details;
    }

    /** The request parameter a 400 names ({@code details.parameter}), e.g. {@code page_size}; null otherwise. */
    public String getParameter() {
        Object parameter = details.get("parameter");
        return parameter instanceof String ? (String) parameter : null;
    }

    /** The response's headers (e.g. {@code retry-after}); null when no response came. */
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + status + " " + code + ": " + getMessage();
    }

    /** The typed exception for a non-2xx response. */
    static RosterException fromResponse(int status, byte[] body, HttpHeaders headers) {
        String code = "http_" + status;
        String message = "HTTP " + status;
        Map<String, Object> details = Map.of();
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode error = null;
        try {
            error = text.isBlank() ? null : RosterJson.mapper().readTree(text);
        } catch (java.io.IOException notJson) {
            // A proxy's HTML or plain-text page: kept as the message below.
        }
        if (error != null && error.path("code").isTextual() && error.path("message").isTextual()) {
            code = error.get("code").asText();
            message = error.get("message").asText();
            if (error.path("details").isObject()) details = RosterJson.mapper().convertValue(error.get("details"), MAP);
        } else if (!text.isBlank()) {
            message = text.length() > 500 ? text.substring(0, 500) : text;
        }
        switch (status) {
            case 400:
                return new BadRequestException(status, code, message, details, headers);
            case 401:
                return new AuthenticationException(status, code, message, details, headers);
            case 403:
                return new PermissionDeniedException(status, code, message, details, headers);
            case 404:
                return new NotFoundException(status, code, message, details, headers);
            case 409:
                return new ConflictException(status, code, message, details, headers);
            case 410:
                return new GoneException(status, code, message, details, headers);
            case 429:
                return new RateLimitException(status, code, message, details, headers);
            default:
                if (status >= 500) return new ServerException(status, code, message, details, headers);
                // Other 4xx (413 payload_too_large, 415 unsupported_media_type): the request itself is wrong.
                if (status >= 400) return new BadRequestException(status, code, message, details, headers);
                return new RosterException(status, code, message, details, headers, null);
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {};
}
