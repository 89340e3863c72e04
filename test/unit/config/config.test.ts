import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config';

describe('loadConfig', () => {
  it('should run on embedded defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, redisUrl: undefined, redisPrefix: 'okr', defaultLocale: 'en', defaultTimeZone: 'UTC', hasChatPlatform: false });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('should treat blank variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /^PORT: expected a port number/],
    ['PORT', '70000', /^PORT: expected a port number/],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL: expected a postgres:\/\//],
    ['REDIS_URL', 'localhost:6379', /^REDIS_URL: expected a redis:\/\//],
    ['REDIS_PREFIX', 'okr:', /^REDIS_PREFIX: expected letters, digits/],
    ['REDIS_PREFIX', '{okr', /^REDIS_PREFIX: expected letters, digits/],
    ['DEFAULT_TIMEZONE', 'Mars/Base', /^DEFAULT_TIMEZONE: expected an IANA time zone/],
    ['DEFAULT_LOCALE', 'fr', /^DEFAULT_LOCALE: expected en or zh-CN/],
    ['WECOM_ENCODING_AES_KEY', 'short', /^WECOM_ENCODING_AES_KEY: expected the 43-character EncodingAESKey/],
  ])('should stop on a bad %s with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('should take a REDIS_PREFIX, including a Redis Cluster hash tag', () => {
    expect(loadConfig({ REDIS_PREFIX: 'okr-staging' }).redisPrefix).toBe('okr-staging');
    expect(loadConfig({ REDIS_PREFIX: '{okr}' }).redisPrefix).toBe('{okr}');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: expected a value/],
    [{ SLACK_BOT_TOKEN: 'oops', SLACK_SIGNING_SECRET: 's' }, /^SLACK_BOT_TOKEN: expected a bot token/],
    [{ SLACK_CLIENT_ID: 'c' }, /^SLACK_CLIENT_SECRET: expected a value/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /^SLACK_BOT_TOKEN: expected a value/],
  ])('should refuse a half-configured Slack (%o)', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('should notice a configured chat platform', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toMatchObject({ hasChatPlatform: true, slack: { mode: 'single' } });
    expect(loadConfig({ SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 't', SLACK_SIGNING_SECRET: 'x' }).slack.mode).toBe('oauth');
    const wecom = { WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 's', WECOM_TOKEN: 'tok', WECOM_ENCODING_AES_KEY: 'a'.repeat(43) };
    expect(loadConfig(wecom)).toMatchObject({ hasChatPlatform: true, wecom: { corpId: 'ww1', apiUrl: 'https://qyapi.weixin.qq.com', defaultLocale: 'zh-CN', defaultTimeZone: 'Asia/Shanghai' } });
    expect(loadConfig({ ...wecom, DEFAULT_LOCALE: 'en', DEFAULT_TIMEZONE: 'Europe/Berlin' }).wecom).toMatchObject({ defaultLocale: 'en', defaultTimeZone: 'Europe/Berlin' });
  });

  it.each([
    [{ WECOM_CORP_ID: 'ww1' }, /^WECOM_AGENT_ID: expected a value/],
    [{ WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: 'x', WECOM_SECRET: 's', WECOM_TOKEN: 't', WECOM_ENCODING_AES_KEY: 'a'.repeat(43) }, /^WECOM_AGENT_ID: expected the numeric AgentId/],
    [{ WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1', WECOM_SECRET: 's', WECOM_TOKEN: 'bad token!', WECOM_ENCODING_AES_KEY: 'a'.repeat(43) }, /^WECOM_TOKEN: expected the callback Token/],
  ])('should refuse a half-configured WeCom app (%o)', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
