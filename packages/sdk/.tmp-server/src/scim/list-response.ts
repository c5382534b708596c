import { LIST_RESPONSE_SCHEMA } from './schema/urns.js';

export interface ListResponse {
  schemas: [typeof LIST_RESPONSE_SCHEMA];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: Record<string, unknown>[];
  nextCursor?: string;
}

export function listResponse(
  resources: Record<string, unknown>[],
  totalResults: number,
  startIndex: number,
  nextCursor?: string,
): ListResponse {
  const response: ListResponse = {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
  if (nextCursor !== undefined) response.nextCursor = nextCursor;
  return response;
}
