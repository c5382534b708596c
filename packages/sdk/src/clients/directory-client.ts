import { data, defined, noContent, timestamp, type RosterApi } from '../api.js';
import { NotFoundError } from '../errors.js';
import { eachItem, type PageOptions } from '../pagination.js';
import type { operations } from '../generated/openapi.js';
import type { Directory, DirectoryGroup, DirectoryGroupMember, DirectoryProvider, DirectoryUser, SyncRun } from '../types.js';
import { sourceBody, type BambooHRSettings, type PulledDirectoryType, type SourceChanges } from './source-input.js';

const DIRECTORIES = '/api/v1/organizations/{organization_id}/directories';
const DIRECTORY = '/api/v1/organizations/{organization_id}/directories/{directory_id}';

export interface ListDirectoryUsersOptions extends PageOptions {
  /** Adds the stored SCIM resource as `user_detail`. */
  includeDetail?: boolean;
  /** Only direct members of this group. */
  directoryGroupId?: string;
  /** Only users changed after this time. */
  updatedAfter?: string | Date;
}

export interface ListDirectoryGroupsOptions extends PageOptions {
  /** Adds the stored SCIM resource as `group_detail`. */
  includeDetail?: boolean;
  /** Only groups changed after this time. */
  updatedAfter?: string | Date;
}

/** A directory its IdP pushes over SCIM. */
export interface NewScimDirectory {
  directoryProvider: DirectoryProvider;
  directoryType?: 'SCIM';
  name?: string;
}

/**
 * A directory Roster pulls from Google Workspace or BambooHR on a schedule (the server needs
 * ROSTER_ENCRYPTION_KEY). Without credentials it waits for them (updateDirectorySource, or the
 * admin portal, where a Google admin can also sign in with Google instead).
 */
export interface NewPulledDirectory extends Omit<SourceChanges, 'bamboohr'> {
  directoryType: PulledDirectoryType;
  name?: string;
  /** BambooHR directories: at least the subdomain. */
  bamboohr?: BambooHRSettings & { subdomain: string };
}

type CreateDirectoryBody = NonNullable<operations['createDirectory']['requestBody']>['content']['application/json'];

const isPulled = (directory: NewScimDirectory | NewPulledDirectory): directory is NewPulledDirectory =>
  directory.directoryType === 'GOOGLE_WORKSPACE' || directory.directoryType === 'BAMBOOHR';

function createBody(directory: NewScimDirectory | NewPulledDirectory): CreateDirectoryBody {
  if (isPulled(directory)) {
    // sourceBody keeps bamboohr.subdomain, which NewPulledDirectory requires.
    return { ...sourceBody(directory), directory_type: directory.directoryType, ...defined({ name: directory.name }) } as CreateDirectoryBody;
  }
  return defined({ directory_provider: directory.directoryProvider, directory_type: directory.directoryType, name: directory.name });
}

type Iterated<Options> = Omit<Options, 'pageToken'>;

const page = (options: PageOptions) => ({ page_size: options.pageSize, page_token: options.pageToken });

/** `roster.directory`: an organization's SCIM directories and what their IdPs provisioned. Names and arguments as in Scalekit's Node SDK. */
export class DirectoryClient {
  constructor(private readonly api: RosterApi) {}

  private path(organizationId: string, directoryId: string) {
    return { organization_id: organizationId, directory_id: directoryId };
  }

  listDirectories(organizationId: string, options: PageOptions = {}) {
    return data(this.api.GET(DIRECTORIES, { params: { path: { organization_id: organizationId }, query: defined(page(options)) } }));
  }

  getDirectory(organizationId: string, directoryId: string) {
    return data(this.api.GET(DIRECTORY, { params: { path: this.path(organizationId, directoryId) } }));
  }

  /** The organization's first directory (most have one); a NotFoundError when it has none. */
  async getPrimaryDirectoryByOrganizationId(organizationId: string): Promise<Directory> {
    const { directories } = await this.listDirectories(organizationId, { pageSize: 1 });
    const [primary] = directories;
    if (!primary) throw new NotFoundError({ status: 404, code: 'not_found', message: `organization ${organizationId} has no directory`, details: { id: organizationId } });
    return primary;
  }

  /**
   * A SCIM directory (give its provider), or a Google Workspace or BambooHR directory Roster pulls
   * (give directoryType and the source's settings). The organization needs the `scim` feature (a
   * PermissionDeniedError otherwise).
   */
  createDirectory(organizationId: string, directory: NewScimDirectory | NewPulledDirectory) {
    return data(this.api.POST(DIRECTORIES, { params: { path: { organization_id: organizationId } }, body: createBody(directory) }));
  }

  updateDirectory(organizationId: string, directoryId: string, update: { name?: string; directoryProvider?: DirectoryProvider }) {
    return data(
      this.api.PATCH(DIRECTORY, {
        params: { path: this.path(organizationId, directoryId) },
        body: defined({ name: update.name, directory_provider: update.directoryProvider }),
      }),
    );
  }

  /** Deletes the directory with its users, groups, secrets and request log. */
  deleteDirectory(organizationId: string, directoryId: string): Promise<void> {
    return noContent(this.api.DELETE(DIRECTORY, { params: { path: this.path(organizationId, directoryId) } }));
  }

  enableDirectory(organizationId: string, directoryId: string) {
    return data(this.api.PATCH(`${DIRECTORY}:enable`, { params: { path: this.path(organizationId, directoryId) } }));
  }

  /** The IdP is answered 403 until the directory is enabled again; users and groups stay. */
  disableDirectory(organizationId: string, directoryId: string) {
    return data(this.api.PATCH(`${DIRECTORY}:disable`, { params: { path: this.path(organizationId, directoryId) } }));
  }

  /** Users with their groups, roles, permissions and mapped `custom_attributes`. */
  listDirectoryUsers(organizationId: string, directoryId: string, options: ListDirectoryUsersOptions = {}) {
    return data(
      this.api.GET(`${DIRECTORY}/users`, {
        params: {
          path: this.path(organizationId, directoryId),
          query: defined({
            ...page(options),
            include_detail: options.includeDetail,
            directory_group_id: options.directoryGroupId,
            updated_after: timestamp(options.updatedAfter),
          }),
        },
      }),
    );
  }

  /** Every user, page after page. */
  iterateDirectoryUsers(organizationId: string, directoryId: string, options: Iterated<ListDirectoryUsersOptions> = {}): AsyncGenerator<DirectoryUser, void, undefined> {
    return eachItem((pageToken) => this.listDirectoryUsers(organizationId, directoryId, { ...options, ...defined({ pageToken }) }), (result) => result.users);
  }

  getDirectoryUser(organizationId: string, directoryId: string, userId: string, options: { includeDetail?: boolean } = {}) {
    return data(
      this.api.GET(`${DIRECTORY}/users/{user_id}`, {
        params: { path: { ...this.path(organizationId, directoryId), user_id: userId }, query: defined({ include_detail: options.includeDetail }) },
      }),
    );
  }

  listDirectoryGroups(organizationId: string, directoryId: string, options: ListDirectoryGroupsOptions = {}) {
    return data(
      this.api.GET(`${DIRECTORY}/groups`, {
        params: {
          path: this.path(organizationId, directoryId),
          query: defined({ ...page(options), include_detail: options.includeDetail, updated_after: timestamp(options.updatedAfter) }),
        },
      }),
    );
  }

  /** Every group, page after page. */
  iterateDirectoryGroups(organizationId: string, directoryId: string, options: Iterated<ListDirectoryGroupsOptions> = {}): AsyncGenerator<DirectoryGroup, void, undefined> {
    return eachItem((pageToken) => this.listDirectoryGroups(organizationId, directoryId, { ...options, ...defined({ pageToken }) }), (result) => result.groups);
  }

  getDirectoryGroup(organizationId: string, directoryId: string, groupId: string, options: { includeDetail?: boolean } = {}) {
    return data(
      this.api.GET(`${DIRECTORY}/groups/{group_id}`, {
        params: { path: { ...this.path(organizationId, directoryId), group_id: groupId }, query: defined({ include_detail: options.includeDetail }) },
      }),
    );
  }

  /** A group's direct members: users and nested groups. */
  listDirectoryGroupMembers(organizationId: string, directoryId: string, groupId: string, options: PageOptions = {}) {
    return data(
      this.api.GET(`${DIRECTORY}/groups/{group_id}/members`, {
        params: { path: { ...this.path(organizationId, directoryId), group_id: groupId }, query: defined(page(options)) },
      }),
    );
  }

  iterateDirectoryGroupMembers(organizationId: string, directoryId: string, groupId: string, options: { pageSize?: number } = {}): AsyncGenerator<DirectoryGroupMember, void, undefined> {
    return eachItem((pageToken) => this.listDirectoryGroupMembers(organizationId, directoryId, groupId, { ...options, ...defined({ pageToken }) }), (result) => result.members);
  }

  /** A bearer token for the directory's SCIM endpoint: `plain_secret` is in this answer only. */
  createDirectorySecret(organizationId: string, directoryId: string, options: { expireTime?: string | Date } = {}) {
    return data(
      this.api.POST(`${DIRECTORY}/secrets`, { params: { path: this.path(organizationId, directoryId) }, body: defined({ expire_time: timestamp(options.expireTime) }) }),
    );
  }

  /** A new secret; the active ones keep working for the grace period (24 hours by default), so the IdP can be switched over. */
  regenerateDirectorySecret(organizationId: string, directoryId: string, options: { gracePeriodSeconds?: number } = {}) {
    return data(
      this.api.POST(`${DIRECTORY}/secrets:regenerate`, {
        params: { path: this.path(organizationId, directoryId) },
        body: defined({ grace_period_seconds: options.gracePeriodSeconds }),
      }),
    );
  }

  /** The secret stops working at once. */
  revokeDirectorySecret(organizationId: string, directoryId: string, secretId: string) {
    return data(this.api.POST(`${DIRECTORY}/secrets/{secret_id}:revoke`, { params: { path: { ...this.path(organizationId, directoryId), secret_id: secretId } } }));
  }

  /**
   * Maps the directory's groups to roles, replacing the mapping there was. A user holds the roles of
   * every group it is in, nested groups included; users in no mapped group hold the default role.
   */
  assignDirectoryGroupRoles(organizationId: string, directoryId: string, roles: { assignments: { groupId: string; roleName: string }[] }) {
    return data(
      this.api.PUT(`${DIRECTORY}/groups/-/roles:assign`, {
        params: { path: this.path(organizationId, directoryId) },
        body: { assignments: roles.assignments.map((assignment) => ({ group_id: assignment.groupId, role_name: assignment.roleName })) },
      }),
    );
  }

  /**
   * Maps SCIM attribute paths (core, enterprise or a custom extension URN) to fields of the
   * directory's users (`custom_attributes.<name>` or a standard field), replacing the mapping there
   * was. Mappings apply when users are read, so they apply to users already stored.
   */
  updateDirectoryAttributeMappings(organizationId: string, directoryId: string, mappings: { attributes: { key: string; mapTo: string }[] }) {
    return data(
      this.api.PUT(`${DIRECTORY}/attributes`, {
        params: { path: this.path(organizationId, directoryId) },
        body: { attributes: mappings.attributes.map((mapping) => ({ key: mapping.key, map_to: mapping.mapTo })) },
      }),
    );
  }

  getDirectoryEventSettings(organizationId: string, directoryId: string) {
    return data(this.api.GET(`${DIRECTORY}/event_settings`, { params: { path: this.path(organizationId, directoryId) } }));
  }

  /** `deactivationAsDeletion`: a user set `active: false` is announced as user_deleted. */
  updateDirectoryEventSettings(organizationId: string, directoryId: string, settings: { deactivationAsDeletion: boolean }) {
    return data(
      this.api.PATCH(`${DIRECTORY}/event_settings`, {
        params: { path: this.path(organizationId, directoryId) },
        body: { deactivation_as_deletion: settings.deactivationAsDeletion },
      }),
    );
  }

  /**
   * A pulled directory's source: settings given replace those stored field by field, credentials
   * (write-only) replace the stored ones, and a changed scope or new credentials sync at once.
   */
  updateDirectorySource(organizationId: string, directoryId: string, changes: SourceChanges) {
    return data(this.api.PATCH(`${DIRECTORY}/source`, { params: { path: this.path(organizationId, directoryId) }, body: sourceBody(changes) }));
  }

  /** "Sync now": a run starts at once on some node (or right after the one going). A BadRequestError for a SCIM, disabled or unconnected directory. */
  syncDirectory(organizationId: string, directoryId: string) {
    return data(this.api.POST(`${DIRECTORY}:sync`, { params: { path: this.path(organizationId, directoryId) } }));
  }

  /** A pulled directory's sync runs, newest first. */
  listDirectorySyncRuns(organizationId: string, directoryId: string, options: PageOptions = {}) {
    return data(this.api.GET(`${DIRECTORY}/sync_runs`, { params: { path: this.path(organizationId, directoryId), query: defined(page(options)) } }));
  }

  iterateDirectorySyncRuns(organizationId: string, directoryId: string, options: { pageSize?: number } = {}): AsyncGenerator<SyncRun, void, undefined> {
    return eachItem((pageToken) => this.listDirectorySyncRuns(organizationId, directoryId, { ...options, ...defined({ pageToken }) }), (result) => result.sync_runs);
  }

  /**
   * Lets the removals of a run the safety threshold held go through: a run starts at once and may
   * remove up to what the held one would have. Only the newest run of a directory that needs review.
   */
  approveDirectorySyncRun(organizationId: string, directoryId: string, syncRunId: string) {
    return data(this.api.POST(`${DIRECTORY}/sync_runs/{sync_run_id}:approve`, { params: { path: { ...this.path(organizationId, directoryId), sync_run_id: syncRunId } } }));
  }
}
