package dev.roster.sdk.support;

import com.sun.net.httpserver.HttpServer;
import dev.roster.sdk.RosterJson;
import dev.roster.sdk.WebhookVerification;
import dev.roster.sdk.WebhookVerificationException;
import dev.roster.sdk.models.Event;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An app's webhook endpoint on loopback, written as sdks/java/README.md shows (a plain
 * com.sun.net.httpserver handler): it verifies each delivery against the raw body before
 * reading it, answers 400 to what does not verify and 204 to what does, and keeps what came.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One delivery as it arrived, and what the handler made of it. */
    public record Delivery(Map<String, List<String>> headers, byte[] body, Event event, String refusal) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile String secret;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webhooks/roster", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            try {
                WebhookVerification.verifyWebhookPayload(secret, exchange.getRequestHeaders(), body);
            } catch (WebhookVerificationException refused) {
                deliveries.add(new Delivery(headers, body, null, refused.getReason().getCode()));
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            Event event = RosterJson.parse(body, Event.class);
            deliveries.add(new Delivery(headers, body, event, null));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/roster";
    }

    /** The signing secret the handler verifies with (known once the endpoint is registered). */
    public void secret(String secret) {
        this.secret = secret;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits for the first delivery that {@code matches}. */
    public Delivery await(Predicate<Delivery> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Delivery delivery : deliveries) if (matches.test(delivery)) return delivery;
            Thread.sleep(50);
        }
        throw new AssertionError("no matching delivery within " + timeout + "; received " + deliveries.size());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
