package dev.roster.sdk;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roster.sdk.models.AttributeMapping;
import dev.roster.sdk.models.DirectoryProvider;
import dev.roster.sdk.models.OrganizationSettingsFeature;
import dev.roster.sdk.models.RoleAssignment;
import dev.roster.sdk.models.WebhookDeliveryStatus;
import dev.roster.sdk.support.LiveRoster;
import dev.roster.sdk.support.SchemaCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK against the server's OpenAPI document: every operation the document has maps to an
 * SDK method in {@link #OPERATIONS}, and each method, run against a stub that answers with a
 * complete example of the document's response, sends the operation's method and path, only
 * parameters and body fields the document declares (with the declared types), can send every one
 * of them, and gives back the answer it got, field for field. A new operation, a renamed or
 * retyped field on either side, or a field the SDK cannot send fails here.
 */
class OpenApiConformanceTest {
    private static final Map<String, String> PATH_VALUES = Map.ofEntries(
            entry("organization_id", "org_1"), entry("external_id", "ext_1"), entry("directory_id", "dir_1"), entry("user_id", "usr_1"),
            entry("group_id", "grp_1"), entry("secret_id", "sec_1"), entry("role_name", "admin"), entry("link_id", "lnk_1"),
            entry("client_id", "cli_1"), entry("event_id", "evt_1"), entry("webhook_id", "whk_1"));
    private static final String ORG = "org_1", DIR = "dir_1", GROUP = "grp_1", WEBHOOK = "whk_1";
    private static final Instant AT = Instant.parse("2030-01-02T03:04:05Z");
    /** The call's result is not compared with the answer (it is not the operation's own result). */
    private static final Object NOT_COMPARED = new Object();

    /** Each operation of the document and the SDK calls that make it; a call per overload, so every parameter is sent. */
    private static final Map<String, Function<RosterClient, Object>> OPERATIONS = Map.ofEntries(
            entry("getAccessToken", client -> {
                client.roles().listRoles();
                return NOT_COMPARED;
            }),
            entry("createOrganization", client -> {
                client.organizations().createOrganization("Acme");
                return client.organizations().createOrganization("Acme", "acme");
            }),
            entry("listOrganizations", client -> {
                client.organizations().iterateOrganizations(PageOptions.newBuilder().setPageSize(5).build()).forEach(each -> {});
                return client.organizations().listOrganizations(PageOptions.newBuilder().setPageSize(10).setPageToken("token").build());
            }),
            entry("getOrganizationByExternalId", client -> client.organizations().getOrganizationByExternalId("ext_1")),
            entry("getOrganization", client -> client.organizations().getOrganization(ORG)),
            entry("updateOrganization", client -> {
                client.organizations().updateOrganization(ORG, OrganizationFields.newBuilder().clearExternalId().build());
                return client.organizations().updateOrganization(ORG, OrganizationFields.newBuilder().setDisplayName("Acme").setExternalId("acme").build());
            }),
            entry("deleteOrganization", client -> {
                client.organizations().deleteOrganization(ORG);
                return null;
            }),
            entry("updateOrganizationSettings", client -> client.organizations().updateOrganizationSettings(ORG,
                    List.of(OrganizationSettingsFeature.newBuilder().setName("scim").setEnabled(true).build()))),
            entry("createDirectory", client -> {
                client.directories().createDirectory(ORG, DirectoryProvider.OKTA);
                return client.directories().createDirectory(ORG, DirectoryProvider.AZURE_AD, "Entra");
            }),
            entry("listDirectories", client -> {
                client.directories().getPrimaryDirectoryByOrganizationId(ORG);
                return client.directories().listDirectories(ORG, PageOptions.newBuilder().setPageSize(10).setPageToken("token").build());
            }),
            entry("getDirectory", client -> client.directories().getDirectory(ORG, DIR)),
            entry("updateDirectory", client -> client.directories().updateDirectory(ORG, DIR,
                    DirectoryFields.newBuilder().setName("Okta").setDirectoryProvider(DirectoryProvider.ONELOGIN).build())),
            entry("deleteDirectory", client -> {
                client.directories().deleteDirectory(ORG, DIR);
                return null;
            }),
            entry("enableDirectory", client -> client.directories().enableDirectory(ORG, DIR)),
            entry("disableDirectory", client -> client.directories().disableDirectory(ORG, DIR)),
            entry("createDirectorySecret", client -> {
                client.directories().createDirectorySecret(ORG, DIR);
                return client.directories().createDirectorySecret(ORG, DIR, AT);
            }),
            entry("regenerateDirectorySecret", client -> {
                client.directories().regenerateDirectorySecret(ORG, DIR);
                return client.directories().regenerateDirectorySecret(ORG, DIR, Duration.ofHours(1));
            }),
            entry("revokeDirectorySecret", client -> client.directories().revokeDirectorySecret(ORG, DIR, "sec_1")),
            entry("listDirectoryUsers", client -> {
                client.directories().iterateDirectoryUsers(ORG, DIR).forEach(each -> {});
                return client.directories().listDirectoryUsers(ORG, DIR, ListDirectoryUsersOptions.newBuilder()
                        .setPageSize(10).setPageToken("token").setIncludeDetail(true).setDirectoryGroupId(GROUP).setUpdatedAfter(AT).build());
            }),
            entry("getDirectoryUser", client -> {
                client.directories().getDirectoryUser(ORG, DIR, "usr_1");
                return client.directories().getDirectoryUser(ORG, DIR, "usr_1", true);
            }),
            entry("listDirectoryGroups", client -> {
                client.directories().iterateDirectoryGroups(ORG, DIR).forEach(each -> {});
                return client.directories().listDirectoryGroups(ORG, DIR, ListDirectoryGroupsOptions.newBuilder()
                        .setPageSize(10).setPageToken("token").setIncludeDetail(true).setUpdatedAfter(AT).build());
            }),
            entry("getDirectoryGroup", client -> {
                client.directories().getDirectoryGroup(ORG, DIR, GROUP);
                return client.directories().getDirectoryGroup(ORG, DIR, GROUP, true);
            }),
            entry("listDirectoryGroupMembers", client -> {
                client.directories().iterateDirectoryGroupMembers(ORG, DIR, GROUP).forEach(each -> {});
                return client.directories().listDirectoryGroupMembers(ORG, DIR, GROUP, PageOptions.newBuilder().setPageSize(10).setPageToken("token").build());
            }),
            entry("assignDirectoryGroupRoles", client -> client.directories().assignDirectoryGroupRoles(ORG, DIR,
                    List.of(RoleAssignment.newBuilder().setGroupId(GROUP).setRoleName("admin").build()))),
            entry("updateDirectoryAttributeMappings", client -> client.directories().updateDirectoryAttributeMappings(ORG, DIR,
                    List.of(AttributeMapping.newBuilder().setKey("title").setMapTo("custom_attributes.title").build()))),
            entry("createRole", client -> {
                client.roles().createRole("viewer");
                return client.roles().createRole("admin", RoleFields.newBuilder()
                        .setDisplayName("Admin").setDescription("Everything").setPermissions(List.of("users:read")).setDefault(false).build());
            }),
            entry("listRoles", client -> {
                client.roles().iterateRoles().forEach(each -> {});
                return client.roles().listRoles(PageOptions.newBuilder().setPageSize(10).setPageToken("token").build());
            }),
            entry("getRole", client -> client.roles().getRole("admin")),
            entry("updateRole", client -> {
                client.roles().updateRole("admin", RoleFields.newBuilder().clearDescription().build());
                return client.roles().updateRole("admin", RoleFields.newBuilder()
                        .setDisplayName("Admin").setDescription("Everything").setPermissions(List.of("users:read")).setDefault(true).build());
            }),
            entry("deleteRole", client -> {
                client.roles().deleteRole("admin");
                return null;
            }),
            entry("generatePortalLink", client -> {
                client.organizations().generatePortalLink(ORG);
                return client.organizations().generatePortalLink(ORG, AT);
            }),
            entry("listPortalLinks", client -> client.organizations().listPortalLinks(ORG, PageOptions.newBuilder().setPageSize(10).setPageToken("token").build())),
            entry("revokePortalLink", client -> {
                client.organizations().revokePortalLink(ORG, "lnk_1");
                return null;
            }),
            entry("createApiClient", client -> client.apiClients().create("backend")),
            entry("listApiClients", client -> {
                client.apiClients().iterate().forEach(each -> {});
                return client.apiClients().list(PageOptions.newBuilder().setPageSize(10).setPageToken("token").build());
            }),
            entry("getApiClient", client -> client.apiClients().get("cli_1")),
            entry("revokeApiClient", client -> client.apiClients().revoke("cli_1")),
            entry("listEvents", client -> {
                client.events().iterate().forEach(each -> {});
                client.events().catchUp("cursor", event -> {}, cursor -> {});
                return client.events().list(ListEventsOptions.newBuilder()
                        .setAfter("cursor").setLimit(10).setTypes(List.of("organization.directory.user_created")).setOrganizationId(ORG).setDirectoryId(DIR).build());
            }),
            entry("getEvent", client -> client.events().get("evt_1")),
            entry("createWebhook", client -> client.webhooks().create(WebhookFields.newBuilder()
                    .setUrl("https://app.example/webhooks").setDescription("users").setEnabled(true)
                    .setEventTypes(List.of("organization.directory.user_created")).setOrganizationId(ORG).build())),
            entry("listWebhooks", client -> client.webhooks().list()),
            entry("getWebhook", client -> client.webhooks().get(WEBHOOK)),
            entry("updateWebhook", client -> {
                client.webhooks().update(WEBHOOK, WebhookFields.newBuilder().clearOrganizationId().build());
                return client.webhooks().update(WEBHOOK, WebhookFields.newBuilder()
                        .setUrl("https://app.example/hooks").setDescription("all").setEnabled(false).setEventTypes(List.of()).setOrganizationId(ORG).build());
            }),
            entry("deleteWebhook", client -> {
                client.webhooks().delete(WEBHOOK);
                return null;
            }),
            entry("rotateWebhookSecret", client -> {
                client.webhooks().rotateSecret(WEBHOOK);
                return client.webhooks().rotateSecret(WEBHOOK, Duration.ofMinutes(10));
            }),
            entry("replayWebhook", client -> {
                client.webhooks().replay(WEBHOOK, AT);
                return client.webhooks().replay(WEBHOOK, "evt_1");
            }),
            entry("listWebhookDeliveries", client -> client.webhooks().listDeliveries(WEBHOOK,
                    ListWebhookDeliveriesOptions.newBuilder().setStatus(WebhookDeliveryStatus.DEAD).setPageSize(10).setPageToken("token").build())),
            entry("getWebhookDelivery", client -> client.webhooks().getDelivery(WEBHOOK, "evt_1")),
            entry("getDirectoryEventSettings", client -> client.directories().getDirectoryEventSettings(ORG, DIR)),
            entry("updateDirectoryEventSettings", client -> client.directories().updateDirectoryEventSettings(ORG, DIR, true)));

    private record Operation(String id, String method, String template, Pattern path, JsonNode spec) {}

    private record Recorded(String method, String path, Map<String, String> query, String body) {}

    private static JsonNode document;
    private static SchemaCheck schemas;
    private static List<Operation> operations;
    private static HttpServer stub;
    private static final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startStub() throws IOException {
        JsonNode served = LiveRoster.openApiDocument();
        if (stub != null) return;
        document = served;
        schemas = new SchemaCheck(document);
        operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) continue;
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[a-z_]+}", "\\\\E[^/:]+\\\\Q");
                operations.add(new Operation(method.getValue().get("operationId").asText(), method.getKey().toUpperCase(), path.getKey(), Pattern.compile(regex), method.getValue()));
            }
        }
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", OpenApiConformanceTest::answer);
        stub.start();
    }

    @AfterAll
    static void stopStub() {
        if (stub != null) stub.stop(0);
    }

    /** Records the request and answers with the operation's documented success, a complete example. */
    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            recorded.add(new Recorded(method, path, query(exchange.getRequestURI().getRawQuery()), body));
            Operation operation = operations.stream().filter(each -> each.method().equals(method) && each.path().matcher(path).matches()).findFirst().orElse(null);
            if (operation == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map.Entry<String, JsonNode> success = success(operation);
            JsonNode schema = success.getValue().path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                exchange.sendResponseHeaders(Integer.parseInt(success.getKey()), -1);
                return;
            }
            byte[] answer = RosterJson.write(schemas.example(schema, "")).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(success.getKey()), answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static Map.Entry<String, JsonNode> success(Operation operation) {
        for (Map.Entry<String, JsonNode> response : operation.spec().get("responses").properties()) {
            if (response.getKey().startsWith("2")) return response;
        }
        throw new IllegalStateException(operation.id() + " documents no success");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return query;
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void everyOperationOfTheDocumentHasAnSdkMethodAndNoMethodNamesAnUnknownOne() {
        Set<String> documented = new TreeSet<>();
        operations.forEach(operation -> documented.add(operation.id()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(OPERATIONS.keySet());
        assertEquals(Set.of(), missing, "operations of /api/openapi.json the Java SDK has no method for");
        Set<String> unknown = new TreeSet<>(OPERATIONS.keySet());
        unknown.removeAll(documented);
        assertEquals(Set.of(), unknown, "operations in the SDK's table that the document no longer has");
    }

    @Test
    void eachMethodSendsWhatTheDocumentDeclaresAndReturnsWhatItAnswers() {
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations) {
            Function<RosterClient, Object> call = OPERATIONS.get(operation.id());
            if (call == null) continue; // reported by the test above
            recorded.clear();
            RosterClient client = new RosterClient("http://127.0.0.1:" + stub.getAddress().getPort(), "client", "secret");
            Object result;
            try {
                result = call.apply(client);
            } catch (RuntimeException failed) {
                problems.add(operation.id() + ": the SDK call failed: " + failed);
                continue;
            }
            List<Recorded> sent = recorded.stream().filter(request -> request.method().equals(operation.method()) && operation.path().matcher(request.path()).matches()).toList();
            if (sent.isEmpty()) {
                problems.add(operation.id() + ": no " + operation.method() + " " + operation.template() + " was sent; sent " + recorded);
                continue;
            }
            checkRequests(operation, sent, problems);
            if (result != NOT_COMPARED) checkResult(operation, result, problems);
        }
        assertTrue(problems.isEmpty(), "the SDK disagrees with /api/openapi.json:\n  " + String.join("\n  ", problems));
    }

    private static void checkRequests(Operation operation, List<Recorded> sent, List<String> problems) {
        String expectedPath = operation.template();
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) expectedPath = expectedPath.replace("{" + value.getKey() + "}", value.getValue());
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            if ("query".equals(parameter.get("in").asText())) queryParameters.put(parameter.get("name").asText(), parameter);
        }
        JsonNode bodySchema = operation.spec().path("requestBody").path("content").path("application/json").path("schema");
        Set<String> queryUsed = new TreeSet<>();
        Set<String> fieldsUsed = new TreeSet<>();
        for (Recorded request : sent) {
            String at = operation.id() + " (" + request.method() + " " + request.path() + ")";
            if (!request.path().equals(expectedPath)) problems.add(at + ": the path should be " + expectedPath);
            for (Map.Entry<String, String> parameter : request.query().entrySet()) {
                JsonNode declared = queryParameters.get(parameter.getKey());
                if (declared == null) {
                    problems.add(at + ": query parameter " + parameter.getKey() + " is not in the document");
                    continue;
                }
                queryUsed.add(parameter.getKey());
                problems.addAll(schemas.problems(declared.get("schema"), queryValue(declared.get("schema"), parameter.getValue()), at + " ?" + parameter.getKey()));
            }
            for (JsonNode parameter : queryParameters.values()) {
                if (parameter.path("required").asBoolean() && !request.query().containsKey(parameter.get("name").asText())) problems.add(at + ": required query parameter " + parameter.get("name").asText() + " is missing");
            }
            if (bodySchema.isMissingNode()) {
                if (!request.body().isEmpty()) problems.add(at + ": sends a body the document does not declare: " + request.body());
                continue;
            }
            if (request.body().isEmpty()) {
                if (operation.spec().path("requestBody").path("required").asBoolean()) problems.add(at + ": the document requires a body");
                continue;
            }
            JsonNode body = RosterJson.parse(request.body(), JsonNode.class);
            problems.addAll(schemas.problems(bodySchema, body, at + " body"));
            body.fieldNames().forEachRemaining(fieldsUsed::add);
        }
        Set<String> unusedQuery = new TreeSet<>(queryParameters.keySet());
        unusedQuery.removeAll(queryUsed);
        if (!unusedQuery.isEmpty()) problems.add(operation.id() + ": the SDK never sends query parameters " + unusedQuery);
        if (!bodySchema.isMissingNode()) {
            Set<String> unusedFields = new TreeSet<>();
            schemas.resolve(bodySchema).path("properties").fieldNames().forEachRemaining(unusedFields::add);
            unusedFields.removeAll(fieldsUsed);
            if (!unusedFields.isEmpty()) problems.add(operation.id() + ": the SDK never sends body fields " + unusedFields);
        }
    }

    /** A query string value as the JSON value its schema describes. */
    private static JsonNode queryValue(JsonNode schema, String value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        String type = schema.path("type").asText();
        if (type.equals("integer") && value.matches("-?\\d{1,18}")) return json.numberNode(Long.parseLong(value));
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) return json.booleanNode(Boolean.parseBoolean(value));
        return json.textNode(value);
    }

    /** The method's result must be the answer, field for field (or its one field, for the single-resource answers the SDK unwraps). */
    private static void checkResult(Operation operation, Object result, List<String> problems) {
        JsonNode schema = success(operation).getValue().path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            if (result != null) problems.add(operation.id() + ": answers 204 but the method returned " + result);
            return;
        }
        JsonNode answered = schemas.example(schema, "");
        JsonNode returned = RosterJson.mapper().valueToTree(result);
        if (returned.equals(answered)) return;
        if (answered.size() == 1 && returned.equals(answered.elements().next())) return;
        problems.add(operation.id() + ": the method returned " + returned + " for the answer " + answered);
    }
}
