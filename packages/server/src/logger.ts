import { pino, type DestinationStream, type Logger } from 'pino';
import { redactCredentials } from './redact.js';

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

/**
 * Every line passes through redactCredentials before it is written: a URL's token (a portal
 * link's `?token=rpl_...`), a quoted Authorization value or one of Roster's prefixed secrets is
 * masked wherever it appears (request URLs, error messages), not only under the paths above.
 */
function redactingStream(target: DestinationStream): DestinationStream {
  const stream: DestinationStream & { flush?: (callback?: (error?: Error) => void) => void; flushSync?: () => void } = {
    write: (line: string) => target.write(redactCredentials(line)),
  };
  const flushable = target as { flush?: (callback?: (error?: Error) => void) => void; flushSync?: () => void };
  if (typeof flushable.flush === 'function') stream.flush = (callback) => flushable.flush?.(callback);
  if (typeof flushable.flushSync === 'function') stream.flushSync = () => flushable.flushSync?.();
  return stream;
}

/** JSON logs on stdout (or `destination`), credentials redacted. */
export function createLogger(level: string, destination: DestinationStream = pino.destination({ fd: 1 })): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } }, redactingStream(destination));
}
