import pino, { type Logger } from 'pino';

export type { Logger };

// pino: structured JSON lines, cheap when disabled, and redaction so tokens and secrets that ride
// along in an error or a request never reach the log.
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['*.token', '*.secret', '*.password', '*.authorization', 'headers.authorization', '*.botToken', '*.clientSecret'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: (destination as { fd?: number }).fd ?? 2, sync: true }),
  );
}
