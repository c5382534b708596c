package dev.roster.sdk;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A client of one Roster environment's management API:
 *
 * <pre>{@code
 * RosterClient client = new RosterClient(System.getenv("ROSTER_ENVIRONMENT_URL"), System.getenv("ROSTER_CLIENT_ID"), System.getenv("ROSTER_CLIENT_SECRET"));
 * ListDirectoriesResponse response = client.directories().listDirectories(organizationId);
 * }</pre>
 *
 * It exchanges the API client's credentials for an access token (POST /oauth/token), keeps it,
 * renews it before it expires and when the server refuses it, and retries 429 and 503 answers
 * (and, but for POST, other 5xx answers and lost connections) with backoff, honoring
 * Retry-After. A failed call throws a {@link RosterException} ({@link NotFoundException},
 * {@link BadRequestException}, ...). One client is safe to share between threads.
 */
public final class RosterClient {
    private final OrganizationsClient organizations;
    private final DirectoriesClient directories;
    private final RolesClient roles;
    private final EventsClient events;
    private final WebhooksClient webhooks;
    private final ApiClientsClient apiClients;

    public RosterClient(String envUrl, String clientId, String clientSecret) {
        this(envUrl, clientId, clientSecret, RosterClientOptions.defaults());
    }

    public RosterClient(String envUrl, String clientId, String clientSecret, RosterClientOptions options) {
        if (envUrl == null || envUrl.isBlank() || clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("new RosterClient(envUrl, clientId, clientSecret) needs all three");
        }
        URI baseUrl = URI.create(envUrl.replaceAll("/+$", ""));
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("envUrl must be an http:// or https:// URL, not " + envUrl);
        }
        Transport transport = new Transport(baseUrl, clientId, clientSecret, options);
        this.organizations = new OrganizationsClient(transport);
        this.directories = new DirectoriesClient(transport);
        this.roles = new RolesClient(transport);
        this.events = new EventsClient(transport);
        this.webhooks = new WebhooksClient(transport);
        this.apiClients = new ApiClientsClient(transport);
    }

    public OrganizationsClient organizations() {
        return organizations;
    }

    public DirectoriesClient directories() {
        return directories;
    }

    public RolesClient roles() {
        return roles;
    }

    public EventsClient events() {
        return events;
    }

    public WebhooksClient webhooks() {
        return webhooks;
    }

    public ApiClientsClient apiClients() {
        return apiClients;
    }

    /** {@link WebhookVerification#verifyWebhookPayload(String, Map, byte[])} as a method of the client, as Scalekit's has it. */
    public boolean verifyWebhookPayload(String secret, Map<String, ?> headers, byte[] rawBody) {
        return WebhookVerification.verifyWebhookPayload(secret, headers, rawBody);
    }

    public boolean verifyWebhookPayload(String secret, Map<String, ?> headers, String rawBody) {
        return WebhookVerification.verifyWebhookPayload(secret, headers, rawBody);
    }

    public boolean verifyWebhookPayload(String secret, Map<String, ?> headers, byte[] rawBody, Duration tolerance, Clock clock) {
        return WebhookVerification.verifyWebhookPayload(secret, headers, rawBody, tolerance, clock);
    }
}
