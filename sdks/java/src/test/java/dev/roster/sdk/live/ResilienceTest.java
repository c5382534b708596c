package dev.roster.sdk.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roster.sdk.AuthenticationException;
import dev.roster.sdk.RateLimitException;
import dev.roster.sdk.RetryPolicy;
import dev.roster.sdk.RosterClient;
import dev.roster.sdk.RosterClientOptions;
import dev.roster.sdk.ServerException;
import dev.roster.sdk.models.CreateApiClientResponse;
import dev.roster.sdk.models.Organization;
import dev.roster.sdk.support.FlakyProxy;
import dev.roster.sdk.support.FlakyProxy.Action;
import dev.roster.sdk.support.LiveRoster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens, refreshes and retries against the live Roster, through a proxy that answers 429 or 503
 * when told to, or spoils the bearer token so that Roster itself refuses it.
 */
class ResilienceTest {
    private static final String TOKEN = "POST /oauth/token";
    private static FlakyProxy proxy;

    @BeforeEach
    void startProxy() throws Exception {
        proxy = new FlakyProxy(LiveRoster.url());
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) proxy.close();
    }

    private static RosterClient throughProxy(RetryPolicy policy) {
        return new RosterClient(proxy.url(), LiveRoster.clientId(), LiveRoster.clientSecret(), RosterClientOptions.newBuilder().setRetryPolicy(policy).build());
    }

    private static Action json(int status, Map<String, String> headers, String code, String message) {
        return Action.answer(status, headers, "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        RosterClient client = throughProxy(RetryPolicy.DEFAULT);
        client.roles().listRoles(); // the token first, so only the call below meets the 429
        proxy.rule((method, path, count) -> method.equals("GET") && path.equals("/api/v1/organizations") && count == 1
                ? json(429, Map.of("retry-after", "1"), "rate_limited", "slow down") : Action.FORWARD);
        long started = System.nanoTime();
        assertNotNull(client.organizations().listOrganizations().getOrganizations());
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms for Retry-After: 1");
        assertEquals(List.of("GET /api/v1/organizations", "GET /api/v1/organizations"), proxy.seen());
    }

    @Test
    void a429ThatLastsOrAsksTooLongIsARateLimitException() {
        RosterClient client = throughProxy(RetryPolicy.DEFAULT.withMaxRetries(2).withBaseDelay(Duration.ofMillis(5)));
        client.roles().listRoles();
        proxy.rule((method, path, count) -> path.equals("/api/v1/roles") ? json(429, Map.of("retry-after", "0"), "rate_limited", "no") : Action.FORWARD);
        RateLimitException limited = assertThrows(RateLimitException.class, () -> client.roles().listRoles());
        assertEquals(429, limited.getStatus());
        assertEquals("rate_limited", limited.getCode());
        assertEquals("0", limited.getHeaders().firstValue("retry-after").orElseThrow());
        assertEquals(3, proxy.count("GET /api/v1/roles"), "the first attempt and two retries");

        proxy.rule((method, path, count) -> path.equals("/api/v1/roles") ? json(429, Map.of("retry-after", "3600"), "rate_limited", "an hour") : Action.FORWARD);
        assertThrows(RateLimitException.class, () -> client.roles().listRoles());
        assertEquals(1, proxy.count("GET /api/v1/roles"), "an hour is longer than the SDK waits");
    }

    @Test
    void aPostAnswered503IsSentAgainButOneAnswered500IsNot() {
        RosterClient client = throughProxy(RetryPolicy.DEFAULT.withBaseDelay(Duration.ofMillis(5)));
        client.roles().listRoles();
        String externalId = "retried-" + System.nanoTime();
        proxy.rule((method, path, count) -> method.equals("POST") && path.equals("/api/v1/organizations") && count <= 2
                ? json(503, Map.of(), "unavailable", "busy") : Action.FORWARD);
        Organization created = client.organizations().createOrganization("Retried", externalId);
        assertEquals(3, proxy.count("POST /api/v1/organizations"));
        assertEquals(created.getId(), LiveRoster.client().organizations().getOrganizationByExternalId(externalId).getId());

        proxy.rule((method, path, count) -> method.equals("POST") && path.equals("/api/v1/organizations") ? json(500, Map.of(), "internal", "boom") : Action.FORWARD);
        ServerException failed = assertThrows(ServerException.class, () -> client.organizations().createOrganization("Not retried"));
        assertEquals(500, failed.getStatus());
        assertEquals("internal", failed.getCode());
        assertEquals("boom", failed.getMessage());
        assertEquals(1, proxy.count("POST /api/v1/organizations"), "a 500 may come after the change was made");

        proxy.rule((method, path, count) -> path.equals("/api/v1/roles") ? json(500, Map.of(), "internal", "down") : Action.FORWARD);
        assertThrows(ServerException.class, () -> throughProxy(RetryPolicy.DEFAULT.withMaxRetries(2).withBaseDelay(Duration.ofMillis(5))).roles().listRoles());
        assertEquals(3, proxy.count("GET /api/v1/roles"), "a GET answered 500 is retried");
    }

    @Test
    void aTokenRosterRefusesIsReplacedAndTheCallGoesThrough() {
        RosterClient client = throughProxy(RetryPolicy.DEFAULT);
        client.roles().listRoles();
        // The proxy sends Roster a token it never issued: Roster answers the 401 itself.
        proxy.rule((method, path, count) -> path.equals("/api/v1/roles") && count == 1 ? Action.SPOIL_TOKEN : Action.FORWARD);
        assertNotNull(client.roles().listRoles().getRoles());
        assertEquals(List.of("GET /api/v1/roles", TOKEN, "GET /api/v1/roles"), proxy.seen());
        List<String> authorizations = proxy.authorizations();
        assertNotEquals(authorizations.get(0), authorizations.get(2), "the retry carries a new token");

        proxy.rule((method, path, count) -> Action.FORWARD);
        client.roles().listRoles();
        assertEquals(List.of("GET /api/v1/roles"), proxy.seen(), "the new token is kept");
        assertEquals(authorizations.get(2), proxy.authorizations().get(0));
    }

    @Test
    void oneTokenServesEveryCallAndThreadAndIsRenewedBeforeItLapses() throws Exception {
        proxy.rule((method, path, count) -> Action.FORWARD);
        AtomicLong now = new AtomicLong(System.currentTimeMillis());
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        RosterClient client = new RosterClient(proxy.url(), LiveRoster.clientId(), LiveRoster.clientSecret(), RosterClientOptions.newBuilder().setClock(clock).build());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(() -> client.organizations().listOrganizations());
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) thread.join();
        assertEquals(1, proxy.count(TOKEN), "one token for four concurrent calls");

        // Renewed in the last fifth of the token's lifetime (at most its last minute), not before.
        long lifetimeMillis = LiveRoster.issueToken().get("expires_in").asLong() * 1000;
        long renewAt = lifetimeMillis - Math.min(60_000, lifetimeMillis / 5);
        now.addAndGet(renewAt - 10_000);
        client.roles().listRoles();
        assertEquals(1, proxy.count(TOKEN), "still fresh 10 s before it is due for renewal");
        now.addAndGet(20_000);
        client.roles().listRoles();
        assertEquals(2, proxy.count(TOKEN), "renewed before it lapses");
    }

    @Test
    void revokedOrWrongCredentialsAreAnAuthenticationException() {
        CreateApiClientResponse created = LiveRoster.client().apiClients().create("short-lived");
        proxy.rule((method, path, count) -> Action.FORWARD);
        RosterClient revokable = new RosterClient(proxy.url(), created.getClient().getId(), created.getPlainSecret());
        revokable.organizations().listOrganizations();
        assertNotNull(LiveRoster.client().apiClients().revoke(created.getClient().getId()).getRevokeTime());
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> revokable.organizations().listOrganizations());
        assertEquals(401, refused.getStatus());
        assertEquals("invalid_client", refused.getCode());
        assertEquals(2, proxy.count(TOKEN), "the refused token was replaced once, then the credentials were refused");

        RosterClient wrong = new RosterClient(LiveRoster.url(), LiveRoster.clientId(), "not-the-secret-at-all-1234");
        assertEquals("invalid_client", assertThrows(AuthenticationException.class, () -> wrong.directories().listDirectories("org_any")).getCode());
    }
}
