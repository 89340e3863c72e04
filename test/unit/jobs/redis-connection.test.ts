import { queuePrefix, redisOptions } from '../../../src/jobs/redis-connection';

describe('queuePrefix', () => {
  it.each(['okr', 'okr-staging', 'okr_2', 'okr.prod', 'okr:prod', '{okr}', '{okr}:prod', 'app{okr}', '{okr:eu}'])('should accept %s', (prefix) => {
    expect(queuePrefix(prefix)).toBe(prefix);
  });

  it.each([
    ['', 'empty'],
    [':okr', 'a leading colon'],
    ['okr:', 'a trailing colon'],
    ['{okr', 'an unclosed hash tag'],
    ['okr}', 'a stray closing brace'],
    ['}okr{', 'braces the wrong way round'],
    ['{}', 'an empty hash tag'],
    ['{a}{b}', 'two hash tags'],
    ['okr prod', 'a space'],
    ['okr*', 'a glob character'],
    ['x'.repeat(65), 'over 64 characters'],
  ])('should reject %j (%s)', (prefix) => {
    expect(() => queuePrefix(prefix)).toThrow(/^Invalid queue prefix .*: expected letters, digits/);
  });
});

describe('redisOptions', () => {
  it('should read a plain redis:// URL with defaults', () => {
    expect(redisOptions('redis://127.0.0.1:6379')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(redisOptions('redis://cache')).toEqual({ host: 'cache', port: 6379, db: 0 });
  });

  it('should read a password-only URL, an IPv6 host and a database', () => {
    expect(redisOptions('redis://:s3cret@[::1]:7000/5')).toEqual({ host: '::1', port: 7000, password: 's3cret', db: 5 });
  });

  it('should turn TLS on for rediss://', () => {
    expect(redisOptions('rediss://cache.example.com')).toMatchObject({ tls: {}, port: 6379 });
  });

  it.each(['http://cache:6379', 'cache:6379', 'redis://cache/abc'])('should refuse %s', (url) => {
    expect(() => redisOptions(url)).toThrow(/^REDIS_URL: /);
  });
});
