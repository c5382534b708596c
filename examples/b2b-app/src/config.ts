import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The app's settings, from the environment (and examples/b2b-app/.env, which `npm run setup`
// writes). Every missing or bad value is reported at once, with what to do about it.

export interface AppConfig {
  port: number;
  host: string;
  /** Where Roster runs, e.g. http://localhost:8080. */
  rosterUrl: string;
  /** The API client the app reads the Events API with. */
  clientId: string;
  clientSecret: string;
  /** The whsec_... secret of the app's webhook endpoint in Roster. */
  webhookSecret: string;
  /** PostgreSQL for the app's own tables; when absent, an embedded PGlite database in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** How often the app also reads the Events API while running, as a safety net; 0: only at start. */
  pollSeconds: number;
}

export class ConfigError extends Error {}

/** The settings file `npm run setup` writes: APP_ENV_FILE, or examples/b2b-app/.env. */
export const SETTINGS_FILE = process.env.APP_ENV_FILE ?? fileURLToPath(new URL('../.env', import.meta.url));

/** Reads the settings file, if there is one, under what the environment already sets. */
export function loadSettingsFile(): void {
  if (existsSync(SETTINGS_FILE)) process.loadEnvFile(SETTINGS_FILE);
}

/**
 * Where Roster runs: ROSTER_URL, else this machine on PORT (the variable Roster listens on; the
 * app itself listens on APP_PORT), else Roster's default, http://localhost:8080.
 */
export function rosterUrlFrom(env: Record<string, string | undefined> = process.env): string {
  return (env.ROSTER_URL?.trim() || `http://localhost:${env.PORT?.trim() || '8080'}`).replace(/\/+$/, '');
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const problems: string[] = [];
  const required = (name: string, hint: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set: ${hint}`);
    return value ?? '';
  };
  const whole = (name: string, fallback: number, max: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > max) problems.push(`${name} must be a whole number from 0 to ${max}, got ${JSON.stringify(raw)}`);
    return value;
  };

  const rosterUrl = rosterUrlFrom(env);
  if (!/^https?:\/\//.test(rosterUrl)) problems.push(`ROSTER_URL must be an http(s) URL, got ${JSON.stringify(rosterUrl)}`);
  const config: AppConfig = {
    port: whole('APP_PORT', 3000, 65_535),
    host: env.APP_HOST?.trim() || '127.0.0.1',
    rosterUrl,
    clientId: required('ROSTER_CLIENT_ID', "the API client Roster was started with (or one created in Roster's dashboard)"),
    clientSecret: required('ROSTER_CLIENT_SECRET', 'the secret of that API client'),
    webhookSecret: required('ROSTER_WEBHOOK_SECRET', 'run `npm run setup -w b2b-app-example`, which registers the webhook and writes it to .env'),
    dataDir: env.APP_DATA_DIR?.trim() || 'data',
    pollSeconds: whole('APP_POLL_SECONDS', 30, 86_400),
  };
  const databaseUrl = env.APP_DATABASE_URL?.trim();
  if (databaseUrl) config.databaseUrl = databaseUrl;
  if (problems.length > 0) throw new ConfigError(`The sample app cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  return config;
}
