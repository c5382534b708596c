package dev.roster.sdk;

import static dev.roster.sdk.ApiRequest.fields;

import dev.roster.sdk.models.ApiClient;
import dev.roster.sdk.models.ApiClientResponse;
import dev.roster.sdk.models.CreateApiClientResponse;
import dev.roster.sdk.models.ListApiClientsResponse;

/** {@code client.apiClients()}: the credentials backends use to call Roster. */
public final class ApiClientsClient {
    private static final String CLIENT = "/api/v1/clients/{client_id}";

    private final Transport transport;

    ApiClientsClient(Transport transport) {
        this.transport = transport;
    }

    /** {@code getPlainSecret()} is in this answer only. */
    public CreateApiClientResponse create(String name) {
        return transport.call(ApiRequest.post("/api/v1/clients").body(fields("name", name)), CreateApiClientResponse.class);
    }

    public ListApiClientsResponse list() {
        return list(PageOptions.none());
    }

    public ListApiClientsResponse list(PageOptions page) {
        return transport.call(ApiRequest.get("/api/v1/clients").query(page.query()), ListApiClientsResponse.class);
    }

    public PagedIterable<ApiClient> iterate() {
        return iterate(PageOptions.none());
    }

    public PagedIterable<ApiClient> iterate(PageOptions page) {
        return new PagedIterable<>(page.pageToken(), token -> {
            ListApiClientsResponse clients = transport.call(ApiRequest.get("/api/v1/clients").query(page.query(token)), ListApiClientsResponse.class);
            return new PagedIterable.Page<>(clients.getClients(), PagedIterable.nextPageToken(clients.getNextPageToken()));
        });
    }

    public ApiClient get(String clientId) {
        return transport.call(ApiRequest.get(CLIENT, clientId), ApiClientResponse.class).getClient();
    }

    /** Its secret and access tokens stop working at once; the last active client cannot be revoked ({@link ConflictException}). */
    public ApiClient revoke(String clientId) {
        return transport.call(ApiRequest.post(CLIENT + ":revoke", clientId), ApiClientResponse.class).getClient();
    }
}
