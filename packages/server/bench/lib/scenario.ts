import type { Database, StoreKind } from '../../src/store/database.js';
import type { FigureInput } from './figures.js';
import type { HttpClient } from './http-client.js';
import type { Sizes } from './options.js';
import type { SeededDirectory } from './seed.js';

/** A running server with a SCIM secret for the bench directory. */
export interface ServerUnderTest {
  baseUrl: string;
  /** The directory's SCIM base URL. */
  scimUrl: string;
  /** Headers every SCIM request carries (the bearer secret). */
  headers: Record<string, string>;
  /** A keep-alive client on scimUrl with enough sockets for the bench's concurrency. */
  client: HttpClient;
}

/** What a scenario gets: its store, in two phases that never overlap, and a place to report. */
export interface Bench {
  store: StoreKind;
  sizes: Sizes;
  /** Seeded in every fresh store before the scenario runs. */
  directory: SeededDirectory;
  record(figure: FigureInput): void;
  /** Extra results that belong in the JSON but not in the table (plans, timings). */
  detail(name: string, value: unknown): void;
  log(message: string): void;
  /** The store opened in this process, with no server running (PGlite allows one process). */
  offline<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** Seeds once per store: scenarios sharing a storeKey get the first one's result. */
  fixture<F>(key: string, seed: (db: Database) => Promise<F>): Promise<F>;
  /** Starts the server on the store, runs `work` against it, records its peak RSS, stops it. */
  online<T>(work: (server: ServerUnderTest) => Promise<T>, options?: { env?: Record<string, string> }): Promise<T>;
}

export interface Scenario {
  id: number;
  title: string;
  /** Scenarios returning the same key run on one store; they must only read it. */
  storeKey?(sizes: Sizes): string;
  run(bench: Bench): Promise<void>;
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
