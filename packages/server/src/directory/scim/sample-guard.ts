import { ScimError } from '../../scim/scim-error.js';
import type { ScimContext } from './scim-context.js';

/**
 * "Send sample data" writes with a secret of its own (management/sample-push.ts): what it creates is sample
 * data, and it never changes or deletes what the directory provider created, even when a sample
 * person's userName matches a real one.
 */
export function assertSampleMayChange(context: ScimContext, row: { sample: boolean }, what: 'user' | 'group'): void {
  if (context.writesSampleData && !row.sample) {
    throw new ScimError(403, `Sample data never changes a ${what} the directory provider created`);
  }
}
