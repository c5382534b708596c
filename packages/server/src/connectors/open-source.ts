import type { Config } from '../config.js';
import type { SecretBox } from '../secret-box.js';
import type { DirectorySourceRow } from '../store/directory-sources.js';
import { createSourceFetch, type SourceFetchOptions } from './source-fetch.js';
import { SourceError, type SourceReader } from './source.js';
import { sourceFor } from './source-registry.js';

/**
 * Opens a directory's source for one run: its settings parsed, its credentials unsealed (they
 * live only in this run's memory), every call going through one recorded, retrying fetch.
 */
export function openSource(config: Config, secretBox: SecretBox | undefined, row: DirectorySourceRow, fetchOptions: Omit<SourceFetchOptions, 'isThrottled'>): SourceReader {
  const source = sourceFor(row.source);
  if (row.credentials === null) throw new SourceError('misconfigured', `${source.displayName} is not connected yet`);
  if (!secretBox) throw new SourceError('misconfigured', 'ROSTER_ENCRYPTION_KEY is not set, so the stored credentials cannot be read');
  let credentials: unknown;
  try {
    credentials = source.parseCredentials(JSON.parse(secretBox.open(row.credentials, row.directory_id))).credentials;
  } catch {
    throw new SourceError('misconfigured', `The stored ${source.displayName} credentials cannot be read (was ROSTER_ENCRYPTION_KEY changed?); connect the source again`);
  }
  const settings = source.settingsSchema.safeParse(row.settings);
  if (!settings.success) throw new SourceError('misconfigured', `The directory's ${source.displayName} settings are not valid: ${settings.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const fetch = createSourceFetch({ ...fetchOptions, isThrottled: source.isThrottled });
  return source.open({ config, fetch, signal: fetchOptions.signal }, settings.data, credentials);
}
