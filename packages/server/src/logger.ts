import { pino, type DestinationStream, type Logger } from 'pino';
import { redactCredentials } from './redact.js';
import pretty from 'pino-pretty';

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

export interface LoggerOutput {
  /** Human-readable lines instead of JSON; by default when stdout is a terminal. */
  pretty?: boolean;
  /** Where lines go (tests); stdout by default. */
  destination?: DestinationStream;
}

/** JSON lines for log collectors; on a terminal, the same entries made readable (pino-pretty, written synchronously). */
export function createLogger(level: string, output: LoggerOutput = {}): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } };
  if (output.pretty ?? process.stdout.isTTY === true) {
    const destination = output.destination ?? process.stdout;
    return pino(options, redactingStream(pretty({ destination, sync: true, colorize: destination === process.stdout, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' })));
  }
  return pino(options, redactingStream(output.destination ?? pino.destination({ fd: 1 })));
}
