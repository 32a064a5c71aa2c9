import pino, { type DestinationStream, type Level, type Logger } from 'pino';

export type LogLevel = Level | 'silent';
export type { Logger };

/**
 * The process's logger: one JSON object a line on stdout (or `destination`), with `time` in ISO
 * form and `level` as a word, so a log shipper reads it without a pino-specific parser.
 */
export function createLogger(options: { name: string; level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      name: options.name,
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A logger that writes nothing (tests and tools that do not pass one). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** An error as a log field (message and name; never a request body). */
export const errorFields = (error: unknown): { err: { message: string; name?: string } } =>
  error instanceof Error ? { err: { message: error.message, name: error.name } } : { err: { message: String(error) } };
