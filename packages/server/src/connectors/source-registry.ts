import type { z } from 'zod';
import { bamboohrSource } from './bamboohr.js';
import { googleWorkspaceSource } from './google-workspace.js';
import { SourceError, type PulledDirectoryType, type PulledSource, type SourceContext, type SourceReader } from './source.js';

// Every pulled source Roster knows, by directory_type. A new source is one file implementing
// PulledSource and one line here.

/** A source with its types erased: what it is given is parsed by its own schemas first. */
export interface RegisteredSource {
  type: PulledDirectoryType;
  provider: string;
  displayName: string;
  settingsSchema: z.ZodType<Record<string, unknown>>;
  parseCredentials(value: unknown): { credentials: unknown; summary: { kind: string } & Record<string, string> };
  isThrottled?: ((status: number, body: string) => boolean) | undefined;
  open(context: SourceContext, settings: unknown, credentials: unknown): SourceReader;
}

function register<Settings extends Record<string, unknown>, Credentials>(source: PulledSource<Settings, Credentials>): RegisteredSource {
  return {
    type: source.type,
    provider: source.provider,
    displayName: source.displayName,
    settingsSchema: source.settingsSchema,
    parseCredentials(value) {
      const credentials = source.credentialsSchema.parse(value);
      return { credentials, summary: source.describeCredentials(credentials) };
    },
    isThrottled: source.isThrottled,
    open: (context, settings, credentials) => source.open(context, source.settingsSchema.parse(settings), source.credentialsSchema.parse(credentials)),
  };
}

const SOURCES: Record<PulledDirectoryType, RegisteredSource> = {
  GOOGLE_WORKSPACE: register(googleWorkspaceSource),
  BAMBOOHR: register(bamboohrSource),
};

export function sourceFor(type: string): RegisteredSource {
  const source = (SOURCES as Record<string, RegisteredSource | undefined>)[type];
  if (!source) throw new SourceError('misconfigured', `no pulled source is called ${type}`);
  return source;
}
