import { ConfigError, loadConfig, type Config } from '../config.js';

export function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The configuration from the environment, or exit with the message naming each bad variable. */
export function configOrExit(overrides: Record<string, string> = {}): Config {
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) exitWith(error.message);
    throw error;
  }
}
