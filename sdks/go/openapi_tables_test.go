package roster

import (
	"context"
	"reflect"
	"time"
)

// The tables openapi_test.go checks against the live document: the Go model of every schema, the
// constants of every enum type, and SDK calls for every operation.

// componentModels names the Go type of every components.schemas entry.
var componentModels = map[string]any{
	"AccessToken":                       accessTokenAnswer{},
	"ApiClient":                         APIClient{},
	"ApiClientResponse":                 apiClientEnvelope{},
	"ApiError":                          errorBody{},
	"AssignRolesResponse":               assignRolesEnvelope{},
	"AttributeMappings":                 AttributeMappings{},
	"CreateApiClientResponse":           CreateAPIClientResponse{},
	"CreateDirectorySecretResponse":     CreateDirectorySecretResponse{},
	"CreateWebhookResponse":             CreateWebhookResponse{},
	"Directory":                         Directory{},
	"DirectoryEventSettingsResponse":    eventSettingsEnvelope{},
	"DirectoryGroup":                    DirectoryGroup{},
	"DirectoryGroupMember":              DirectoryGroupMember{},
	"DirectoryGroupResponse":            directoryGroupEnvelope{},
	"DirectoryResponse":                 directoryEnvelope{},
	"DirectorySecret":                   DirectorySecret{},
	"DirectorySecretResponse":           directorySecretEnvelope{},
	"DirectoryUser":                     DirectoryUser{},
	"DirectoryUserResponse":             directoryUserEnvelope{},
	"Event":                             Event{},
	"EventResponse":                     eventEnvelope{},
	"ListApiClientsResponse":            ListAPIClientsResponse{},
	"ListDirectoriesResponse":           ListDirectoriesResponse{},
	"ListDirectoryGroupMembersResponse": ListDirectoryGroupMembersResponse{},
	"ListDirectoryGroupsResponse":       ListDirectoryGroupsResponse{},
	"ListDirectoryUsersResponse":        ListDirectoryUsersResponse{},
	"ListEventsResponse":                ListEventsResponse{},
	"ListOrganizationsResponse":         ListOrganizationsResponse{},
	"ListPortalLinksResponse":           ListPortalLinksResponse{},
	"ListRolesResponse":                 ListRolesResponse{},
	"ListWebhookDeliveriesResponse":     ListWebhookDeliveriesResponse{},
	"ListWebhooksResponse":              listWebhooksEnvelope{},
	"Organization":                      Organization{},
	"OrganizationResponse":              organizationEnvelope{},
	"PortalLink":                        PortalLink{},
	"PortalLinkResponse":                portalLinkEnvelope{},
	"PortalLinkSummary":                 PortalLinkSummary{},
	"RegenerateDirectorySecretResponse": RegenerateDirectorySecretResponse{},
	"ReplayWebhookResponse":             ReplayWebhookResponse{},
	"Role":                              Role{},
	"RoleAssignments":                   RoleAssignments{},
	"RoleResponse":                      roleEnvelope{},
	"RotateWebhookSecretResponse":       RotateWebhookSecretResponse{},
	"ToggleDirectoryResponse":           ToggleDirectoryResponse{},
	"UpdateAttributeMappingsResponse":   attributeMappingsEnvelope{},
	"Webhook":                           Webhook{},
	"WebhookDelivery":                   WebhookDelivery{},
	"WebhookDeliveryResponse":           WebhookDeliveryResponse{},
	"WebhookResponse":                   webhookEnvelope{},
}

// enumConstants are the constants of the SDK's enum types; they must be the document's values.
var enumConstants = map[reflect.Type][]string{
	reflect.TypeOf(DirectoryProvider("")):     {string(ProviderOkta), string(ProviderAzureAD), string(ProviderGoogle), string(ProviderOneLogin), string(ProviderJumpCloud), string(ProviderPingIdentity), string(ProviderAuthentik), string(ProviderOther)},
	reflect.TypeOf(DirectoryStatus("")):       {string(DirectoryActive), string(DirectoryPending), string(DirectoryNotConfigured), string(DirectoryDisabled)},
	reflect.TypeOf(SecretStatus("")):          {string(SecretActive), string(SecretRevoked), string(SecretExpired)},
	reflect.TypeOf(MemberType("")):            {string(MemberUser), string(MemberGroup)},
	reflect.TypeOf(WebhookDisabledReason("")): {string(WebhookDisabledManually), string(WebhookDisabledFailing)},
	reflect.TypeOf(DeliveryStatus("")):        {string(DeliveryPending), string(DeliverySucceeded), string(DeliveryDead)},
}

type sdkCall func(ctx context.Context, sc *Client) error

func ignore[T any](_ T, err error) error { return err }

var (
	sampleTime  = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
	fullListing = ListDirectoryUsersOptions{PageSize: 10, PageToken: "token", IncludeDetail: true, DirectoryGroupID: "group_1", UpdatedAfter: sampleTime}
	onePage     = PageOptions{PageSize: 10, PageToken: "token"}
)

// operationCalls maps every operationId of the document to SDK calls that, together, set every
// parameter and body field the operation takes.
var operationCalls = map[string][]sdkCall{
	"getAccessToken": {func(ctx context.Context, sc *Client) error { return ignore(sc.issueToken(ctx)) }},
	"createOrganization": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Organization().CreateOrganization(ctx, "Acme", CreateOrganizationOptions{ExternalID: "acme"}))
	}},
	"listOrganizations": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Organization().ListOrganizations(ctx, onePage))
	}},
	"getOrganizationByExternalId": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Organization().GetOrganizationByExternalID(ctx, "acme"))
	}},
	"getOrganization": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Organization().GetOrganization(ctx, "org_1"))
	}},
	"updateOrganization": {
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Organization().UpdateOrganization(ctx, "org_1", UpdateOrganizationParams{DisplayName: String("Acme"), ExternalID: String("acme")}))
		},
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Organization().UpdateOrganization(ctx, "org_1", UpdateOrganizationParams{ClearExternalID: true}))
		},
	},
	"deleteOrganization": {func(ctx context.Context, sc *Client) error { return sc.Organization().DeleteOrganization(ctx, "org_1") }},
	"updateOrganizationSettings": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Organization().UpdateOrganizationSettings(ctx, "org_1", OrganizationSettings{Features: []Feature{{Name: "scim", Enabled: true}}}))
	}},
	"createDirectory": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().CreateDirectory(ctx, "org_1", CreateDirectoryParams{DirectoryProvider: ProviderOkta, DirectoryType: DirectoryTypeSCIM, Name: "Okta"}))
	}},
	"listDirectories": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().ListDirectories(ctx, "org_1", onePage))
	}},
	"getDirectory": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().GetDirectory(ctx, "org_1", "dir_1"))
	}},
	"updateDirectory": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().UpdateDirectory(ctx, "org_1", "dir_1", UpdateDirectoryParams{Name: "Entra", DirectoryProvider: ProviderAzureAD}))
	}},
	"deleteDirectory": {func(ctx context.Context, sc *Client) error {
		return sc.Directory().DeleteDirectory(ctx, "org_1", "dir_1")
	}},
	"enableDirectory": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().EnableDirectory(ctx, "org_1", "dir_1"))
	}},
	"disableDirectory": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().DisableDirectory(ctx, "org_1", "dir_1"))
	}},
	"createDirectorySecret": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().CreateDirectorySecret(ctx, "org_1", "dir_1", CreateDirectorySecretOptions{ExpireTime: sampleTime}))
	}},
	"regenerateDirectorySecret": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().RegenerateDirectorySecret(ctx, "org_1", "dir_1", RegenerateDirectorySecretOptions{GracePeriod: Duration(time.Hour)}))
	}},
	"revokeDirectorySecret": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().RevokeDirectorySecret(ctx, "org_1", "dir_1", "secret_1"))
	}},
	"listDirectoryUsers": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().ListDirectoryUsers(ctx, "org_1", "dir_1", fullListing))
	}},
	"getDirectoryUser": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().GetDirectoryUser(ctx, "org_1", "dir_1", "user_1", DetailOptions{IncludeDetail: true}))
	}},
	"listDirectoryGroups": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().ListDirectoryGroups(ctx, "org_1", "dir_1", ListDirectoryGroupsOptions{PageSize: 10, PageToken: "token", IncludeDetail: true, UpdatedAfter: sampleTime}))
	}},
	"getDirectoryGroup": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().GetDirectoryGroup(ctx, "org_1", "dir_1", "group_1", DetailOptions{IncludeDetail: true}))
	}},
	"listDirectoryGroupMembers": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().ListDirectoryGroupMembers(ctx, "org_1", "dir_1", "group_1", onePage))
	}},
	"assignDirectoryGroupRoles": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().AssignDirectoryGroupRoles(ctx, "org_1", "dir_1", []RoleAssignment{{GroupID: "group_1", RoleName: "admin"}}))
	}},
	"updateDirectoryAttributeMappings": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().UpdateDirectoryAttributeMappings(ctx, "org_1", "dir_1", []AttributeMapping{{Key: "title", MapTo: "custom_attributes.title"}}))
	}},
	"getDirectoryEventSettings": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().GetDirectoryEventSettings(ctx, "org_1", "dir_1"))
	}},
	"updateDirectoryEventSettings": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Directory().UpdateDirectoryEventSettings(ctx, "org_1", "dir_1", DirectoryEventSettings{DeactivationAsDeletion: true}))
	}},
	"createRole": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Role().CreateRole(ctx, CreateRoleParams{Name: "admin", DisplayName: "Admin", Description: "Everything", Permissions: []string{"users:read"}, IsDefault: true}))
	}},
	"listRoles": {func(ctx context.Context, sc *Client) error { return ignore(sc.Role().ListRoles(ctx, onePage)) }},
	"getRole":   {func(ctx context.Context, sc *Client) error { return ignore(sc.Role().GetRole(ctx, "admin")) }},
	"updateRole": {
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Role().UpdateRole(ctx, "admin", UpdateRoleParams{DisplayName: String("Admin"), Description: String("All"), Permissions: []string{"users:write"}, IsDefault: Bool(false)}))
		},
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Role().UpdateRole(ctx, "admin", UpdateRoleParams{ClearDescription: true}))
		},
	},
	"deleteRole": {func(ctx context.Context, sc *Client) error { return sc.Role().DeleteRole(ctx, "admin") }},
	"generatePortalLink": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Organization().GeneratePortalLink(ctx, "org_1", PortalLinkOptions{ExpireTime: sampleTime}))
	}},
	"listPortalLinks": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Organization().ListPortalLinks(ctx, "org_1", onePage))
	}},
	"revokePortalLink": {func(ctx context.Context, sc *Client) error {
		return sc.Organization().RevokePortalLink(ctx, "org_1", "link_1")
	}},
	"createApiClient": {func(ctx context.Context, sc *Client) error { return ignore(sc.APIClients().Create(ctx, "backend")) }},
	"listApiClients":  {func(ctx context.Context, sc *Client) error { return ignore(sc.APIClients().List(ctx, onePage)) }},
	"getApiClient":    {func(ctx context.Context, sc *Client) error { return ignore(sc.APIClients().Get(ctx, "client_1")) }},
	"revokeApiClient": {func(ctx context.Context, sc *Client) error { return ignore(sc.APIClients().Revoke(ctx, "client_1")) }},
	"listEvents": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Events().List(ctx, ListEventsOptions{After: "ec1_x", Limit: 10, Types: []string{EventUserCreated, EventGroupCreated}, OrganizationID: "org_1", DirectoryID: "dir_1"}))
	}},
	"getEvent": {func(ctx context.Context, sc *Client) error { return ignore(sc.Events().Get(ctx, "evt_1")) }},
	"createWebhook": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Webhooks().Create(ctx, CreateWebhookParams{URL: "https://app.example.com/hooks", Description: "users", Enabled: Bool(true), EventTypes: []string{EventUserCreated}, OrganizationID: "org_1"}))
	}},
	"listWebhooks": {func(ctx context.Context, sc *Client) error { return ignore(sc.Webhooks().List(ctx)) }},
	"getWebhook":   {func(ctx context.Context, sc *Client) error { return ignore(sc.Webhooks().Get(ctx, "wh_1")) }},
	"updateWebhook": {
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Webhooks().Update(ctx, "wh_1", UpdateWebhookParams{URL: "https://app.example.com/v2", Description: String("v2"), Enabled: Bool(false), EventTypes: []string{}, OrganizationID: String("org_1")}))
		},
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Webhooks().Update(ctx, "wh_1", UpdateWebhookParams{ClearOrganizationID: true}))
		},
	},
	"deleteWebhook": {func(ctx context.Context, sc *Client) error { return sc.Webhooks().Delete(ctx, "wh_1") }},
	"rotateWebhookSecret": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Webhooks().RotateSecret(ctx, "wh_1", RotateWebhookSecretOptions{GracePeriod: Duration(time.Hour)}))
	}},
	"replayWebhook": {
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Webhooks().Replay(ctx, "wh_1", ReplayWebhookParams{EventID: "evt_1"}))
		},
		func(ctx context.Context, sc *Client) error {
			return ignore(sc.Webhooks().Replay(ctx, "wh_1", ReplayWebhookParams{Since: sampleTime}))
		},
	},
	"listWebhookDeliveries": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Webhooks().ListDeliveries(ctx, "wh_1", ListWebhookDeliveriesOptions{Status: DeliveryDead, PageSize: 10, PageToken: "token"}))
	}},
	"getWebhookDelivery": {func(ctx context.Context, sc *Client) error {
		return ignore(sc.Webhooks().GetDelivery(ctx, "wh_1", "evt_1"))
	}},
}
