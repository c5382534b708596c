import { z } from 'zod';
import { DIRECTORY_PROVIDERS } from '../../directory/management/directories.js';
import type { EventType } from '../../events/event-types.js';
import { timestamp } from './common.js';
import { PULLED_DIRECTORY_TYPES } from '../../connectors/source.js';
import { directoryGroupSchema } from './directory-group.js';
import { heldRunSchema } from './directory-source.js';
import { exampleHeld, exampleHeldSyncRun } from './pulled-examples.js';
import { directoryUserSchema } from './directory-user.js';
import { EXAMPLE_IDS, EXAMPLE_TIME, exampleGroupDetail, exampleUserDetail, exampleUser as managedUser } from './examples.js';

// Every event Roster writes: its payload schema, what it means, and an example. One source for the
// OpenAPI document's `webhooks` section, docs/events.md (generated from it) and the tests that
// check real events against it. Keyed by EventType, so a new type does not compile without an entry.

const record = z.record(z.string(), z.unknown());

const userEventData = directoryUserSchema
  .extend({ user_detail: record.describe('The stored SCIM resource, with its id (the raw attributes the IdP sent).') })
  .meta({ id: 'UserEventData', description: 'The user as the management API shows it, with its raw SCIM attributes.' });

const previousAttributes = record.describe(
  'The previous values of what changed, by field (null for a field that did not exist); user_detail and group_detail hold only the changed SCIM attributes.',
);

const groupEventData = z
  .strictObject({
    id: z.string(),
    display_name: z.string(),
    updated_at: timestamp,
    // Sample groups' events say so, as sample users' events do (the user schema carries it already).
    sample: directoryGroupSchema.shape.sample,
    group_detail: record.describe('The stored SCIM resource (without members), with its id.'),
  })
  .meta({ id: 'GroupEventData', description: 'The group as it stands after the change.' });

const membership = {
  members_added: z.array(z.string()).optional().describe('Ids of the members added (users or groups); left out when more than 1,000 members changed.'),
  members_removed: z.array(z.string()).optional().describe('Ids of the members removed; left out when more than 1,000 members changed.'),
  members_added_count: z.number().int().min(0),
  members_removed_count: z.number().int().min(0),
};

const directoryEventData = z
  .strictObject({ id: z.string(), organization_id: z.string(), directory_provider: z.enum(DIRECTORY_PROVIDERS), enabled: z.boolean() })
  .meta({ id: 'DirectoryEventData', description: 'The directory the event is about.' });

const secretEventData = z
  .strictObject({ id: z.string(), secret_suffix: z.string().describe('The last four characters of the secret.') })
  .meta({ id: 'DirectorySecretEventData', description: 'The SCIM bearer secret the event is about (never the secret itself).' });

const syncNeedsReviewData = z
  .strictObject({
    directory_id: z.string(),
    organization_id: z.string(),
    directory_type: z.enum(PULLED_DIRECTORY_TYPES),
    sync_run_id: z.string().describe('The held run: approve it with POST .../sync_runs/{sync_run_id}:approve.'),
    ...heldRunSchema.shape,
  })
  .meta({ id: 'SyncNeedsReviewEventData', description: 'The pulled directory, its held sync run and what that run would have removed.' });

export type EventObjectName = 'DirectoryUser' | 'DirectoryGroup' | 'Directory' | 'DirectorySecret';

export interface CatalogueEntry {
  /** The component name of the whole event in the OpenAPI document. */
  schemaName: string;
  object: EventObjectName;
  summary: string;
  description: string;
  data: z.ZodType;
  example: Record<string, unknown>;
}

// The examples' world (examples.ts): an organization, its Okta directory, a user in a group.
const { environment: ENVIRONMENT, organization: ORGANIZATION, directory: DIRECTORY, user: USER } = EXAMPLE_IDS;
const AT = EXAMPLE_TIME;
const exampleUser = { ...managedUser, user_detail: exampleUserDetail };
const exampleGroup = { id: EXAMPLE_IDS.group, display_name: 'Engineering', updated_at: AT, group_detail: exampleGroupDetail };
const exampleDirectory = { id: DIRECTORY, organization_id: ORGANIZATION, directory_provider: 'OKTA', enabled: true };
const exampleHeldRun = { directory_id: DIRECTORY, organization_id: ORGANIZATION, directory_type: 'GOOGLE_WORKSPACE', sync_run_id: exampleHeldSyncRun.id, ...exampleHeld };

function envelope(type: EventType, object: EventObjectName, sequence: string, data: unknown): Record<string, unknown> {
  return {
    spec_version: '1',
    id: `evt_01m8zr${sequence}00f2w7x4dq8s`,
    type,
    occurred_at: AT,
    environment_id: ENVIRONMENT,
    organization_id: ORGANIZATION,
    directory_id: DIRECTORY,
    object,
    data,
  };
}

const userUpdatedText =
  "A user's attributes changed (a SCIM PUT or PATCH), or its groups did (a membership change of a group), or its roles did " +
  "(a group's role mapping changed). previous_attributes holds the previous values of what changed; it is left out when only " +
  'derived roles changed.';

export const EVENT_CATALOGUE: Record<EventType, CatalogueEntry> = {
  'organization.directory.user_created': {
    schemaName: 'UserCreatedEvent',
    object: 'DirectoryUser',
    summary: 'A user was provisioned',
    description:
      'The IdP created a user (SCIM POST, or a Bulk POST). With deactivation treated as deletion, also a deactivated user made active again.',
    data: userEventData,
    example: envelope('organization.directory.user_created', 'DirectoryUser', '1a', exampleUser),
  },
  'organization.directory.user_updated': {
    schemaName: 'UserUpdatedEvent',
    object: 'DirectoryUser',
    summary: 'A user changed',
    description: userUpdatedText,
    data: userEventData.extend({ previous_attributes: previousAttributes.optional() }),
    example: envelope('organization.directory.user_updated', 'DirectoryUser', '1b', {
      ...exampleUser,
      user_detail: { ...exampleUser.user_detail, title: 'Lead Analyst' },
      previous_attributes: { user_detail: { title: 'Analyst' } },
    }),
  },
  'organization.directory.user_deleted': {
    schemaName: 'UserDeletedEvent',
    object: 'DirectoryUser',
    summary: 'A user was deprovisioned',
    description: 'The IdP deleted a user (SCIM DELETE); the data is the user as it was. With deactivation treated as deletion, also a user set inactive.',
    data: userEventData,
    example: envelope('organization.directory.user_deleted', 'DirectoryUser', '1c', exampleUser),
  },
  'organization.directory.group_created': {
    schemaName: 'GroupCreatedEvent',
    object: 'DirectoryGroup',
    summary: 'A group was provisioned',
    description: 'The IdP created a group, with the members it was created with. Each user member also gets a user_updated.',
    data: groupEventData.extend(membership),
    example: envelope('organization.directory.group_created', 'DirectoryGroup', '2a', {
      ...exampleGroup,
      members_added: [USER],
      members_removed: [],
      members_added_count: 1,
      members_removed_count: 0,
    }),
  },
  'organization.directory.group_updated': {
    schemaName: 'GroupUpdatedEvent',
    object: 'DirectoryGroup',
    summary: 'A group changed',
    description:
      'A group was renamed or its members changed (also when a member user or group was deleted). Each user added or removed also gets a user_updated.',
    data: groupEventData.extend({ ...membership, previous_attributes: previousAttributes.optional() }),
    example: envelope('organization.directory.group_updated', 'DirectoryGroup', '2b', {
      ...exampleGroup,
      display_name: 'Engineering (EU)',
      group_detail: { ...exampleGroup.group_detail, displayName: 'Engineering (EU)' },
      members_added: [],
      members_removed: [USER],
      members_added_count: 0,
      members_removed_count: 1,
      previous_attributes: { display_name: 'Engineering', group_detail: { displayName: 'Engineering' } },
    }),
  },
  'organization.directory.group_deleted': {
    schemaName: 'GroupDeletedEvent',
    object: 'DirectoryGroup',
    summary: 'A group was deprovisioned',
    description: 'The IdP deleted a group; the data is the group as it was. Each user that was a member gets a user_updated.',
    data: groupEventData,
    example: envelope('organization.directory.group_deleted', 'DirectoryGroup', '2c', exampleGroup),
  },
  'organization.directory.created': {
    schemaName: 'DirectoryCreatedEvent',
    object: 'Directory',
    summary: 'A directory was created',
    description: 'A SCIM directory was added to an organization (management API, dashboard or portal).',
    data: directoryEventData,
    example: envelope('organization.directory.created', 'Directory', '3a', exampleDirectory),
  },
  'organization.directory.deleted': {
    schemaName: 'DirectoryDeletedEvent',
    object: 'Directory',
    summary: 'A directory was deleted',
    description: 'A directory was deleted with its users and groups, or its organization was (one event per directory). No user or group events follow.',
    data: directoryEventData,
    example: envelope('organization.directory.deleted', 'Directory', '3b', exampleDirectory),
  },
  'organization.directory_enabled': {
    schemaName: 'DirectoryEnabledEvent',
    object: 'Directory',
    summary: 'A directory was enabled',
    description: 'Provisioning was turned on for a directory: its IdP is answered again.',
    data: directoryEventData,
    example: envelope('organization.directory_enabled', 'Directory', '3c', exampleDirectory),
  },
  'organization.directory_disabled': {
    schemaName: 'DirectoryDisabledEvent',
    object: 'Directory',
    summary: 'A directory was disabled',
    description: 'Provisioning was turned off for a directory: its IdP is answered 403 until it is enabled.',
    data: directoryEventData,
    example: envelope('organization.directory_disabled', 'Directory', '3d', { ...exampleDirectory, enabled: false }),
  },
  'organization.directory.secret_created': {
    schemaName: 'DirectorySecretCreatedEvent',
    object: 'DirectorySecret',
    summary: 'A SCIM secret was created',
    description: 'A bearer secret for the SCIM endpoint was created or regenerated.',
    data: secretEventData,
    example: envelope('organization.directory.secret_created', 'DirectorySecret', '4a', { id: EXAMPLE_IDS.secret, secret_suffix: 'Xk3Q' }),
  },
  'organization.directory.secret_revoked': {
    schemaName: 'DirectorySecretRevokedEvent',
    object: 'DirectorySecret',
    summary: 'A SCIM secret was revoked',
    description: 'A bearer secret was revoked and stops working at once (a secret replaced by secrets:regenerate expires at the end of its grace period without an event).',
    data: secretEventData,
    example: envelope('organization.directory.secret_revoked', 'DirectorySecret', '4b', { id: EXAMPLE_IDS.secret, secret_suffix: 'Xk3Q' }),
  },
  'organization.directory.sync_needs_review': {
    schemaName: 'DirectorySyncNeedsReviewEvent',
    object: 'Directory',
    summary: "A pulled directory's sync waits for review",
    description:
      'A sync of a Google Workspace or BambooHR directory would have deactivated or deleted more than its safety threshold (default 20%) of the directory. ' +
      'It applied everything else but removed no one; the directory shows NEEDS_REVIEW and syncs no more on schedule until an administrator approves the run ' +
      '(dashboard, or POST .../sync_runs/{sync_run_id}:approve), after which the next run applies the removals (as user_deleted, user_updated and group events).',
    data: syncNeedsReviewData,
    example: envelope('organization.directory.sync_needs_review', 'Directory', '5a', exampleHeldRun),
  },
};

const envelopeSchemas = new Map<EventType, z.ZodType>(
  (Object.entries(EVENT_CATALOGUE) as [EventType, CatalogueEntry][]).map(([type, entry]) => [
    type,
    z
      .strictObject({
        spec_version: z.literal('1'),
        id: z.string().describe('evt_...; also the webhook-id header (receivers dedupe on it).'),
        type: z.literal(type),
        occurred_at: timestamp.describe('When the change committed.'),
        environment_id: z.string(),
        organization_id: z.string().nullable(),
        directory_id: z.string().nullable(),
        object: z.literal(entry.object),
        data: entry.data,
      })
      .meta({ id: entry.schemaName, description: `${entry.summary}. ${entry.description}` }),
  ]),
);

/** The whole event of one type, as webhooks deliver it and the Events API lists it. */
export function eventEnvelopeSchema(type: EventType): z.ZodType {
  const schema = envelopeSchemas.get(type);
  if (!schema) throw new Error(`the event catalogue has no entry for ${type}`);
  return schema;
}
