import { pino, type Logger } from 'pino';

// Paths whose values never reach a log line: credentials in headers and bodies.
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.client_secret',
  '*.plain_secret',
  '*.access_token',
  'client_secret',
  'password',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } });
}
