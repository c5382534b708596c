package dev.roster.sdk;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One call of the management API: method, path with its parameters filled in, query and JSON body. */
final class ApiRequest {
    final String method;
    final String path;
    final Map<String, String> query = new LinkedHashMap<>();
    Object body;

    private ApiRequest(String method, String template, String... values) {
        this.method = method;
        this.path = expand(template, values);
    }

    static ApiRequest get(String template, String... values) {
        return new ApiRequest("GET", template, values);
    }

    static ApiRequest post(String template, String... values) {
        return new ApiRequest("POST", template, values);
    }

    static ApiRequest put(String template, String... values) {
        return new ApiRequest("PUT", template, values);
    }

    static ApiRequest patch(String template, String... values) {
        return new ApiRequest("PATCH", template, values);
    }

    static ApiRequest delete(String template, String... values) {
        return new ApiRequest("DELETE", template, values);
    }

    /** Adds a query parameter unless {@code value} is null. */
    ApiRequest query(String name, Object value) {
        if (value != null) query.put(name, value instanceof Instant ? value.toString() : String.valueOf(value));
        return this;
    }

    ApiRequest query(Map<String, String> values) {
        query.putAll(values);
        return this;
    }

    ApiRequest body(Object body) {
        this.body = body;
        return this;
    }

    URI uri(URI baseUrl) {
        StringBuilder uri = new StringBuilder(baseUrl.toString()).append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encodeQuery(parameter.getKey())).append('=').append(encodeQuery(parameter.getValue()));
            separator = "&";
        }
        return URI.create(uri.toString());
    }

    /** Fills the {name} placeholders in order, each value percent-encoded as one path segment. */
    static String expand(String template, String... values) {
        StringBuilder path = new StringBuilder();
        int next = 0;
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) break;
            int close = template.indexOf('}', open);
            String name = template.substring(open + 1, close);
            if (next >= values.length) throw new IllegalArgumentException(template + " needs a value for " + name);
            String value = values[next++];
            if (value == null || value.isEmpty()) throw new IllegalArgumentException(name + " must not be null or empty");
            path.append(template, at, open).append(encodeSegment(value));
            at = close + 1;
        }
        if (next != values.length) throw new IllegalArgumentException(template + " takes " + next + " values, not " + values.length);
        return path.append(template.substring(at)).toString();
    }

    /** RFC 3986 section 3.3: everything but unreserved characters encoded, so an id cannot add a segment. */
    static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16))).append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Body fields in the order given, leaving out those not set ({@code null} values are sent: they clear a field). */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return fields;
    }
}
