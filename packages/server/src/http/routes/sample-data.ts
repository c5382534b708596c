import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { countSampleData, removeSampleData } from '../../directory/management/sample-data.js';
import type { Services } from '../../directory/services.js';
import { defineRoute } from '../openapi-route.js';
import { directoryParams } from './common-schemas.js';

// The users and groups "Send sample data" (dashboard and portal) pushed into a directory:
// counted, and removed with events, from the app's backend too.

// Named in the OpenAPI document, so the SDKs' models get one name for both answers' counts.
const counts = z.strictObject({ users: z.number().int(), groups: z.number().int() }).meta({ id: 'SampleDataCounts' });
export const sampleDataResponse = z.strictObject({ sample_data: counts }).meta({ id: 'SampleDataResponse' });
export const removedSampleDataResponse = z.strictObject({ removed: counts }).meta({ id: 'RemoveSampleDataResponse' });

const path = '/api/v1/organizations/{organization_id}/directories/{directory_id}/sample_data';
const TAG = 'Directories';

export function sampleDataRoutes(app: FastifyInstance, services: Services): void {
  defineRoute(
    app,
    {
      method: 'GET',
      path,
      operationId: 'getSampleData',
      tag: TAG,
      summary: 'Count the sample users and groups of a directory',
      description: 'Sample data is what "Send sample data" in the dashboard or portal created; those users and groups carry "sample": true.',
      params: directoryParams,
      status: 200,
      response: sampleDataResponse,
      errors: [404],
      examples: { response: { sample_data: { users: 8, groups: 3 } } },
    },
    async ({ params }) => ({ sample_data: await countSampleData(services, params.organization_id, params.directory_id) }),
  );

  defineRoute(
    app,
    {
      method: 'DELETE',
      path,
      operationId: 'removeSampleData',
      tag: TAG,
      summary: 'Remove the sample users and groups of a directory',
      description: 'Deletes every user and group "Send sample data" created in this directory, as a SCIM DELETE would: with user_deleted and group_deleted events.',
      params: directoryParams,
      status: 200,
      response: removedSampleDataResponse,
      errors: [404],
      examples: { response: { removed: { users: 8, groups: 3 } } },
    },
    async ({ params }) => ({ removed: await removeSampleData(services, params.organization_id, params.directory_id) }),
  );
}
