import { data, defined, noContent, type RosterApi } from '../api.js';
import { eachItem, type PageOptions } from '../pagination.js';
import type { Role } from '../types.js';

export interface RoleFields {
  /** Defaults to the name. */
  displayName?: string;
  description?: string;
  /** Permission names, e.g. `users:read`. */
  permissions?: string[];
  /** The role of users in no group mapped to a role (taken from any other role). */
  isDefault?: boolean;
}

const ROLE = '/api/v1/roles/{role_name}';

/** `roster.role`: the environment's roles and their permissions, as in Scalekit's Node SDK. */
export class RoleClient {
  constructor(private readonly api: RosterApi) {}

  /** `name` is what groups are mapped to (e.g. `admin`); it cannot change later. */
  createRole(role: RoleFields & { name: string }) {
    return data(
      this.api.POST('/api/v1/roles', {
        body: defined({ name: role.name, display_name: role.displayName, description: role.description, permissions: role.permissions, is_default: role.isDefault }),
      }),
    );
  }

  getRole(roleName: string) {
    return data(this.api.GET(ROLE, { params: { path: { role_name: roleName } } }));
  }

  listRoles(options: PageOptions = {}) {
    return data(this.api.GET('/api/v1/roles', { params: { query: defined({ page_size: options.pageSize, page_token: options.pageToken }) } }));
  }

  iterateRoles(options: { pageSize?: number } = {}): AsyncGenerator<Role, void, undefined> {
    return eachItem((pageToken) => this.listRoles({ ...options, ...defined({ pageToken }) }), (page) => page.roles);
  }

  /** Fields left out keep their value; `permissions` replaces the list; `description: null` clears it. */
  updateRole(roleName: string, update: Omit<RoleFields, 'description'> & { description?: string | null }) {
    return data(
      this.api.PATCH(ROLE, {
        params: { path: { role_name: roleName } },
        body: defined({ display_name: update.displayName, description: update.description, permissions: update.permissions, is_default: update.isDefault }),
      }),
    );
  }

  /** A role still assigned to a directory group cannot be deleted (ConflictError). */
  deleteRole(roleName: string): Promise<void> {
    return noContent(this.api.DELETE(ROLE, { params: { path: { role_name: roleName } } }));
  }
}
