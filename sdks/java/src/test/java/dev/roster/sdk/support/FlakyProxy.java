package dev.roster.sdk.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A small HTTP proxy in front of the live Roster that can answer a request itself instead (a 429
 * with Retry-After, a 503) or spoil it on the way (a bearer token the server then refuses), so
 * the SDK's retries and token refresh meet what a rate limiter or an expired token produce.
 */
public final class FlakyProxy implements AutoCloseable {
    /** What to do with the {@code count}-th request (1-based) with this method and path. */
    public interface Rule {
        Action decide(String method, String path, int count);
    }

    /** Forward as is, answer with a status of the proxy's own, or forward with a token Roster will refuse. */
    public record Action(int status, Map<String, String> headers, String body, boolean spoilToken) {
        public static final Action FORWARD = new Action(0, Map.of(), "", false);
        public static final Action SPOIL_TOKEN = new Action(0, Map.of(), "", true);

        public static Action answer(int status, Map<String, String> headers, String body) {
            return new Action(status, headers, body, false);
        }
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade", "expect");

    private final HttpServer server;
    private final String target;
    private final HttpClient upstream = HttpClient.newHttpClient();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private volatile Rule rule = (method, path, count) -> Action.FORWARD;

    public FlakyProxy(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets how the following requests are answered and forgets what was seen. */
    public void rule(Rule rule) {
        this.rule = rule;
        seen.clear();
        authorizations.clear();
    }

    /** Every request seen, as {@code METHOD /path}, in order. */
    public List<String> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The Authorization header of every request seen (empty string when absent), in order. */
    public List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    public long count(String entry) {
        return seen().stream().filter(entry::equals).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            int count;
            synchronized (seen) {
                seen.add(method + " " + path);
                count = (int) seen.stream().filter((method + " " + path)::equals).count();
                String authorization = exchange.getRequestHeaders().getFirst("authorization");
                authorizations.add(authorization == null ? "" : authorization);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            Action action = rule.decide(method, path, count);
            if (action.status() != 0) {
                exchange.getResponseHeaders().add("content-type", "application/json");
                action.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                byte[] answer = action.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(action.status(), answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) exchange.getResponseBody().write(answer);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (HOP_BY_HOP.contains(name.toLowerCase()) || name.equalsIgnoreCase("authorization")) return;
                for (String value : values) forward.header(name, value);
            });
            String authorization = exchange.getRequestHeaders().getFirst("authorization");
            if (authorization != null) forward.header("authorization", action.spoilToken() ? "Bearer spoiled-by-the-proxy" : authorization);
            HttpResponse<byte[]> response = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (HOP_BY_HOP.contains(name.toLowerCase())) return;
                for (String value : values) exchange.getResponseHeaders().add(name, value);
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
