import { fixedClock } from '../../src/ports/clock';
import { FAKE_INSTALLED_TOKEN } from '../support/fake-slack-api';
import { SIGNING_SECRET, startSlackHarness, type SlackHarness } from '../support/slack-harness';
import { postEvent, postSlashCommand } from '../support/slack-requests';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness(fixedClock('2026-11-15T12:00:00Z'), {
    SLACK_BOT_TOKEN: '',
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret-for-e2e',
    SLACK_STATE_SECRET: 'state-secret-for-e2e-0123456789',
  });
  h.fake.users.set('U0INSTALLER', { id: 'U0INSTALLER', name: 'ina', real_name: 'Ina Stall', tz: 'Asia/Shanghai', locale: 'zh-CN' });
}, 60_000);
afterAll(() => h.close());

describe('Slack OAuth install (multi-workspace mode)', () => {
  it('should install, keep the token sealed, serve the installed team, and forget it on uninstall', async () => {
    const install = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get('location')!);
    expect(authorize.pathname).toBe('/oauth/v2/authorize');
    expect(authorize.searchParams.get('scope')).toContain('commands');
    const state = authorize.searchParams.get('state')!;
    const cookie = install.headers.get('set-cookie')!.split(';')[0]!;

    const callback = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(callback.status).toBeLessThan(400);
    expect(h.fake.callsTo('oauth.v2.access')).toHaveLength(1);

    const rows = await h.db.db.selectFrom('slack_installation').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.team_id).toBe('T0OAUTH');
    expect(rows[0]!.installation_encrypted).not.toContain(FAKE_INSTALLED_TOKEN);
    expect(rows[0]!.installation_encrypted).not.toContain('T0OAUTH');

    // A command from the installed team is served with that installation's token.
    await postSlashCommand(h.eventsUrl, { signingSecret: SIGNING_SECRET, command: '/okr', text: 'new "Installed and working"', userId: 'U0INSTALLER', teamId: 'T0OAUTH', responseUrl: h.fake.responseUrl('oauth1') });
    await h.fake.waitFor('response_url:oauth1');
    const info = h.fake.callsTo('users.info');
    expect(info.at(-1)!.token).toBe(FAKE_INSTALLED_TOKEN);
    const member = await h.db.db.selectFrom('member').select(['display_name', 'locale', 'time_zone', 'role']).executeTakeFirstOrThrow();
    expect(member).toEqual({ display_name: 'ina', locale: 'zh-CN', time_zone: 'Asia/Shanghai', role: 'admin' });

    await postEvent(h.eventsUrl, { type: 'app_uninstalled' }, { signingSecret: SIGNING_SECRET, eventId: 'EvUninstall1', teamId: 'T0OAUTH' });
    const end = Date.now() + 3000;
    while (Date.now() < end && (await h.db.db.selectFrom('slack_installation').select('id').execute()).length > 0) await new Promise((r) => setTimeout(r, 50));
    expect(await h.db.db.selectFrom('slack_installation').select('id').execute()).toEqual([]);
  }, 30_000);

  it('should refuse a callback whose state was not issued by us', async () => {
    const before = h.fake.callsTo('oauth.v2.access').length;
    const res = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=x&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(h.fake.callsTo('oauth.v2.access')).toHaveLength(before);
  });
});
