import { z } from 'zod';
import type { EventEnvelope } from '../../events/envelope.js';
import { EVENT_TYPES } from '../../events/event-types.js';
import { timestamp } from './common.js';

export const eventSchema = z
  .strictObject({
    spec_version: z.literal('1'),
    id: z.string().describe('evt_...; also the webhook-id header of its deliveries (receivers dedupe on it).'),
    type: z.string().describe(`One of ${EVENT_TYPES.join(', ')}.`),
    occurred_at: timestamp,
    environment_id: z.string(),
    organization_id: z.string().nullable(),
    directory_id: z.string().nullable(),
    object: z.string().describe('DirectoryUser, DirectoryGroup, Directory or DirectorySecret.'),
    data: z
      .unknown()
      .describe(
        'The user or group as the management API shows it (with user_detail / group_detail, the raw SCIM attributes); updates add ' +
          'previous_attributes (the previous values of what changed); group events add members_added / members_removed (ids, ' +
          'or only the *_count fields for changes of more than 1,000 members).',
      ),
  })
  .meta({ id: 'Event', description: 'One change, as webhooks deliver it and the Events API lists it.' });

export const serializeEvent = (event: EventEnvelope): z.infer<typeof eventSchema> => event;

export const eventResponse = z.strictObject({ event: eventSchema }).meta({ id: 'EventResponse' });

export const eventListResponse = z
  .strictObject({
    events: z.array(eventSchema),
    next_cursor: z.string().describe('Pass as `after` to read on; always set, also on an empty page (poll with it).'),
    has_more: z.boolean().describe('True when more events can be read right away.'),
  })
  .meta({ id: 'ListEventsResponse' });
