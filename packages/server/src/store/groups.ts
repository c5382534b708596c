import type { GroupColumns } from '../scim/resource/resource-columns.js';
import type { ResourceRow } from './resources.js';

export type { GroupColumns };

export interface GroupRow extends ResourceRow {
  display_name: string;
  external_id: string | null;
}
