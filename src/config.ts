import path from 'node:path';
import { z } from 'zod';
import { LOCALES } from './domain/member';

// zod because the contract (design.md §6) needs one clear line per bad variable, and
// hand-rolled env parsing drifts from the types; the parsed config is frozen and passed down.

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const optionalText = z.string().trim().min(1).optional();
const PORT_RANGE = 'a port number from 0 to 65535';

const schema = z.object({
  PORT: z.coerce.number({ error: PORT_RANGE }).int(PORT_RANGE).min(0, PORT_RANGE).max(65535, PORT_RANGE).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),
  DEFAULT_LOCALE: z.enum(LOCALES, { error: 'en or zh-CN' }).default('en'),
  DEFAULT_TIMEZONE: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai').default('UTC'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url({ error: 'an http(s) URL' }).optional(),
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText,
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'the 43-character EncodingAESKey').optional(),
  WECOM_API_URL: z.url({ error: 'an http(s) URL' }).optional(),
});

export interface Config {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  readonly defaultLocale: (typeof LOCALES)[number];
  readonly defaultTimeZone: string;
  readonly logLevel: string;
  /** True when any chat platform is configured; otherwise `npm start` opens the local console. */
  readonly hasChatPlatform: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment once; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: expected ${issue.message}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    redisUrl: e.REDIS_URL,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    hasChatPlatform: Boolean(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID || e.SLACK_APP_TOKEN || e.WECOM_CORP_ID),
  });
}
