import { isPlainObject } from './json-object.js';
import type { StoredResource } from './normalize-resource.js';

// The normalized columns stored beside the resource for filtering, sorting and uniqueness.
// Reads a resource produced by normalizeResource/applyPatch, so names are canonical.

export interface UserColumns {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  givenName: string | null;
  familyName: string | null;
  /** The email marked primary, else the first one (RFC 7643 2.4), as sent. */
  primaryEmail: string | null;
  /** Every `emails[].value`, lower-cased. */
  emails: string[];
  /** `active` defaults to true when the client never set it. */
  active: boolean;
}

export interface GroupColumns {
  displayName: string;
  externalId: string | null;
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function userColumns(resource: StoredResource): UserColumns {
  const name = isPlainObject(resource.name) ? resource.name : {};
  const emails = (Array.isArray(resource.emails) ? resource.emails : []).filter(isPlainObject);
  const values = emails.map((email) => email.value).filter((value): value is string => typeof value === 'string');
  const primary = emails.find((email) => email.primary === true && typeof email.value === 'string');
  return {
    userName: typeof resource.userName === 'string' ? resource.userName : '',
    externalId: stringOrNull(resource.externalId),
    displayName: stringOrNull(resource.displayName),
    givenName: stringOrNull(name.givenName),
    familyName: stringOrNull(name.familyName),
    primaryEmail: primary ? (primary.value as string) : (values[0] ?? null),
    emails: values.map((value) => value.toLowerCase()),
    active: resource.active !== false,
  };
}

export function groupColumns(resource: StoredResource): GroupColumns {
  return {
    displayName: typeof resource.displayName === 'string' ? resource.displayName : '',
    externalId: stringOrNull(resource.externalId),
  };
}
