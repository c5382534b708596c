import type { SimGroup, SimUser, UserField } from '../directory-state.js';
import type { Json } from '../json.js';
import { ENTERPRISE_USER_SCHEMA as ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../../scim/schema/urns.js';

export { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA };

export interface UserBodyOptions {
  /** Entra sends `name.formatted`. */
  formatted?: boolean;
  /** authentik marks its e-mails `other`. */
  emailType?: string;
}

function enterprise(user: SimUser): Json | undefined {
  const extension: Json = {};
  if (user.department !== undefined) extension.department = user.department;
  if (user.employeeNumber !== undefined) extension.employeeNumber = user.employeeNumber;
  return Object.keys(extension).length ? extension : undefined;
}

/** The RFC 7643 user every provider starts from; providers add their own fields around it. */
export function scimUser(user: SimUser, options: UserBodyOptions = {}): Json {
  const extension = enterprise(user);
  const body: Json = {
    schemas: extension ? [USER_SCHEMA, ENTERPRISE_SCHEMA] : [USER_SCHEMA],
    externalId: user.key,
    userName: user.userName,
    name: { givenName: user.givenName, familyName: user.familyName, ...(options.formatted ? { formatted: user.displayName } : {}) },
    displayName: user.displayName,
    emails: [{ value: user.email, type: options.emailType ?? 'work', primary: true }],
    active: user.active,
  };
  if (user.title !== undefined) body.title = user.title;
  if (extension) body[ENTERPRISE_SCHEMA] = extension;
  return body;
}

export function scimGroup(group: SimGroup, members: SimUser[] | undefined, memberValue: (user: SimUser) => Json): Json {
  return {
    schemas: [GROUP_SCHEMA],
    displayName: group.displayName,
    ...(group.externalId !== undefined ? { externalId: group.externalId } : {}),
    ...(members ? { members: members.map(memberValue) } : {}),
  };
}

/** The attribute path each user field is sent at, as Entra and RFC clients spell them. */
export const FIELD_PATHS: Record<UserField, string> = {
  userName: 'userName',
  givenName: 'name.givenName',
  familyName: 'name.familyName',
  displayName: 'displayName',
  email: 'emails[type eq "work"].value',
  title: 'title',
  department: `${ENTERPRISE_SCHEMA}:department`,
  employeeNumber: `${ENTERPRISE_SCHEMA}:employeeNumber`,
  active: 'active',
};

/**
 * The changed fields as one nested value object, for a no-path replace (Okta, RFC 7644
 * section 3.5.2.3): sub-attributes of `name` and the extension merge, `emails` is replaced whole.
 */
export function nestedValue(user: SimUser, fields: readonly UserField[]): Json {
  const value: Json = {};
  const name: Json = {};
  const extension: Json = {};
  for (const field of fields) {
    switch (field) {
      case 'givenName':
      case 'familyName':
        name[field] = user[field];
        break;
      case 'email':
        value.emails = [{ value: user.email, type: 'work', primary: true }];
        break;
      case 'department':
      case 'employeeNumber':
        extension[field] = user[field];
        break;
      default:
        value[field] = user[field];
    }
  }
  if (Object.keys(name).length) value.name = name;
  if (Object.keys(extension).length) value[ENTERPRISE_SCHEMA] = extension;
  return value;
}

/** `filter=attribute eq "value"` with the value escaped as a JSON string (RFC 7644 section 3.4.2.2). */
export function eqFilter(attribute: string, value: string): string {
  return `${attribute} eq ${JSON.stringify(value)}`;
}
