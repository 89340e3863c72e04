import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from './domain/calendar';
import { LOCALES } from './domain/member';
import { QUEUE_PREFIX_RULE, queuePrefix } from './jobs/redis-connection';

// zod because the contract (design.md §6) needs one clear line per bad variable, and
// hand-rolled env parsing drifts from the types; the parsed config is frozen and passed down.

const optionalText = z.string().trim().min(1).optional();
const PORT_RANGE = 'a port number from 0 to 65535';

const schema = z.object({
  PORT: z.coerce.number({ error: PORT_RANGE }).int(PORT_RANGE).min(0, PORT_RANGE).max(65535, PORT_RANGE).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),
  REDIS_PREFIX: z.string().refine(isQueuePrefix, QUEUE_PREFIX_RULE).default('okr'),
  TICK_EVERY_SECONDS: z.coerce.number({ error: 'seconds from 10 to 3600' }).int().min(10, 'seconds from 10 to 3600').max(3600, 'seconds from 10 to 3600').default(300),
  DELIVERY_RATE_PER_WORKSPACE: z.coerce.number({ error: 'messages per second from 0.1 to 1000' }).min(0.1, 'messages per second from 0.1 to 1000').max(1000, 'messages per second from 0.1 to 1000').default(4),
  DELIVERY_BURST: z.coerce.number({ error: 'a whole number from 1 to 1000' }).int('a whole number from 1 to 1000').min(1, 'a whole number from 1 to 1000').max(1000, 'a whole number from 1 to 1000').default(10),
  WORKER_CONCURRENCY: z.coerce.number({ error: 'a whole number from 1 to 500' }).int('a whole number from 1 to 500').min(1, 'a whole number from 1 to 500').max(500, 'a whole number from 1 to 500').default(20),
  JOB_LOCK_SECONDS: z.coerce.number({ error: 'seconds from 1 to 600' }).int('seconds from 1 to 600').min(1, 'seconds from 1 to 600').max(600, 'seconds from 1 to 600').default(30),
  DEFAULT_LOCALE: z.enum(LOCALES, { error: 'en or zh-CN' }).default('en'),
  DEFAULT_TIMEZONE: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai').default('UTC'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_TOKEN_ENCRYPTION_KEY: z.string().min(32, 'at least 32 characters of random text').optional(),
  SLACK_API_URL: z.url({ error: 'an http(s) URL' }).optional(),
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText,
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_ENCODING_AES_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'the 43-character EncodingAESKey').optional(),
  WECOM_API_URL: z.url({ error: 'an http(s) URL' }).optional(),
});

export interface SlackConfig {
  readonly signingSecret: string | undefined;
  readonly botToken: string | undefined;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly stateSecret: string | undefined;
  readonly appToken: string | undefined;
  readonly apiUrl: string | undefined;
  /** Encrypts stored OAuth installations; defaults to a key derived from the state secret. */
  readonly tokenEncryptionKey: string | undefined;
  readonly mode: 'single' | 'oauth' | 'off';
}

export interface WecomConfig {
  readonly corpId: string;
  readonly agentId: string;
  readonly secret: string;
  readonly token: string;
  readonly encodingAesKey: string;
  readonly apiUrl: string;
  /** New WeCom members' language and zone: zh-CN and Asia/Shanghai unless DEFAULT_* say otherwise. */
  readonly defaultLocale: (typeof LOCALES)[number];
  readonly defaultTimeZone: string;
}

export interface Config {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  /** BullMQ and limiter key prefix; `{okr}`-style hash tags keep a queue in one Redis Cluster slot. */
  readonly redisPrefix: string;
  readonly scheduler: SchedulerConfig;
  readonly defaultLocale: (typeof LOCALES)[number];
  readonly defaultTimeZone: string;
  readonly logLevel: string;
  readonly slack: SlackConfig;
  /** Set when the WeCom self-built app is configured (all five WECOM_* secrets). */
  readonly wecom: WecomConfig | undefined;
  /** True when any chat platform is configured; otherwise `npm start` opens the local console. */
  readonly hasChatPlatform: boolean;
}

/** The worker's pace: tick, per-workspace delivery rate (Slack allows several hundred a minute), locks. */
export interface SchedulerConfig {
  readonly tickEveryMs: number;
  readonly deliveryPerSecond: number;
  readonly deliveryBurst: number;
  readonly concurrency: number;
  /** A killed worker's jobs go back to the queue after about this long. */
  readonly lockMs: number;
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
  const slack = slackConfig(e);
  const wecom = wecomConfig(e, { locale: 'DEFAULT_LOCALE' in blanksRemoved, timeZone: 'DEFAULT_TIMEZONE' in blanksRemoved });
  return Object.freeze({
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    scheduler: Object.freeze({
      tickEveryMs: e.TICK_EVERY_SECONDS * 1_000,
      deliveryPerSecond: e.DELIVERY_RATE_PER_WORKSPACE,
      deliveryBurst: e.DELIVERY_BURST,
      concurrency: e.WORKER_CONCURRENCY,
      lockMs: e.JOB_LOCK_SECONDS * 1_000,
    }),
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    slack,
    wecom,
    hasChatPlatform: slack.mode !== 'off' || wecom !== undefined,
  });
}

type Env = z.infer<typeof schema>;

function isQueuePrefix(value: string): boolean {
  try {
    queuePrefix(value);
    return true;
  } catch {
    return false;
  }
}

/** Which Slack mode the variables ask for, refusing half-configured combinations. */
function slackConfig(e: Env): SlackConfig {
  const oauth = e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET || e.SLACK_STATE_SECRET;
  if (oauth) {
    for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET'] as const) {
      if (!e[name]) throw new ConfigError(`${name}: expected a value (OAuth mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and SLACK_SIGNING_SECRET)`);
    }
  } else if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_SIGNING_SECRET: expected a value (SLACK_BOT_TOKEN needs it, or SLACK_APP_TOKEN for Socket Mode)');
  } else if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN: expected a value (Socket Mode with SLACK_APP_TOKEN needs the bot token too)');
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_BOT_TOKEN.startsWith('xoxb-')) throw new ConfigError('SLACK_BOT_TOKEN: expected a bot token starting with xoxb-');
  if (e.SLACK_APP_TOKEN && !e.SLACK_APP_TOKEN.startsWith('xapp-')) throw new ConfigError('SLACK_APP_TOKEN: expected an app-level token starting with xapp-');
  return {
    signingSecret: e.SLACK_SIGNING_SECRET,
    botToken: e.SLACK_BOT_TOKEN,
    clientId: e.SLACK_CLIENT_ID,
    clientSecret: e.SLACK_CLIENT_SECRET,
    stateSecret: e.SLACK_STATE_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    apiUrl: e.SLACK_API_URL,
    tokenEncryptionKey: e.SLACK_TOKEN_ENCRYPTION_KEY,
    mode: oauth ? 'oauth' : e.SLACK_BOT_TOKEN ? 'single' : 'off',
  };
}

const WECOM_VARIABLES = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const;

/** The WeCom app, when any of its variables is set: then all five are needed. */
function wecomConfig(e: Env, explicit: { locale: boolean; timeZone: boolean }): WecomConfig | undefined {
  if (!WECOM_VARIABLES.some((name) => e[name])) return undefined;
  for (const name of WECOM_VARIABLES) {
    if (!e[name]) throw new ConfigError(`${name}: expected a value (a WeCom app needs ${WECOM_VARIABLES.join(', ')})`);
  }
  if (!/^[0-9]+$/.test(e.WECOM_AGENT_ID!)) throw new ConfigError('WECOM_AGENT_ID: expected the numeric AgentId of the self-built app');
  if (!/^[A-Za-z0-9]{1,32}$/.test(e.WECOM_TOKEN!)) throw new ConfigError('WECOM_TOKEN: expected the callback Token (up to 32 letters and digits)');
  return {
    corpId: e.WECOM_CORP_ID!,
    agentId: e.WECOM_AGENT_ID!,
    secret: e.WECOM_SECRET!,
    token: e.WECOM_TOKEN!,
    encodingAesKey: e.WECOM_ENCODING_AES_KEY!,
    apiUrl: (e.WECOM_API_URL ?? 'https://qyapi.weixin.qq.com').replace(/\/+$/, ''),
    defaultLocale: explicit.locale ? e.DEFAULT_LOCALE : 'zh-CN',
    defaultTimeZone: explicit.timeZone ? e.DEFAULT_TIMEZONE : 'Asia/Shanghai',
  };
}
