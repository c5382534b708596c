import { pino, type DestinationStream, type Logger } from 'pino';
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
    return pino(options, pretty({ destination, sync: true, colorize: destination === process.stdout, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  }
  return output.destination ? pino(options, output.destination) : pino(options);
}
