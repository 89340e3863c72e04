import { Redis } from 'ioredis';
import type { Command } from '../../src/domain/command/command';
import type { Actor } from '../../src/domain/member';
import { insertCycle } from '../../src/db/cycle.repository';
import { addTeamMember, insertTeam } from '../../src/db/team.repository';
import { deliverPending } from '../../src/use-cases/delivery/deliver-pending';
import { identifyMember } from '../../src/use-cases/identify-member';
import { runCommand } from '../../src/use-cases/run-command';
import { runTick } from '../../src/use-cases/scheduler/run-tick';
import { FAKE_WECOM_APP } from '../support/fake-wecom-api';
import { rowCounts } from '../support/factories';
import { eventually, startWecomHarness, type WecomHarness } from '../support/wecom-harness';
import { templateCardEventXml, textMessageXml } from '../support/wecom-callbacks';

// The WeCom app end to end: encrypted callbacks over HTTP into the production web app, the inbound
// worker on a real Redis, PostgreSQL (or PGlite), and replies at a local fake of the WeCom API.

// The worker answers asynchronously, on a machine that may be busy running every other suite.
jest.setTimeout(60_000);

// Monday 2026-11-23 10:00 in Asia/Shanghai (02:00Z) is the team's default check-in time.
let now = new Date('2026-11-20T02:00:00Z');
const clock = { now: () => new Date(now) };
let h: WecomHarness;
let alice: Actor;
const corpId = FAKE_WECOM_APP.corpId;

beforeAll(async () => {
  h = await startWecomHarness(clock);
}, 60_000);
afterAll(() => h.close());

beforeEach(async () => {
  await h.db.reset();
  h.fake.state.messages.length = 0;
  h.fake.state.violations.length = 0;
  now = new Date('2026-11-20T02:00:00Z');
  const who = await identifyMember(h.db.db, { platform: 'wecom', workspaceExternalId: corpId, workspaceName: 'Acme', userExternalId: 'alice', displayName: '张三', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
  alice = who;
  await insertCycle(h.db.db, { workspaceId: alice.workspaceId, name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
  const team = await insertTeam(h.db.db, { workspaceId: alice.workspaceId, name: '销售部', handle: 'sales' });
  await addTeamMember(h.db.db, alice.workspaceId, team.id, alice.memberId);
  await run(alice, { verb: 'new', title: '拿下华东市场' });
  await run(alice, { verb: 'kr_add', objective: { type: 'objective', number: 1 }, spec: { title: '签约 50 家客户', kind: 'increase', start: 0, target: 50 } });
});

async function run(actor: Actor, cmd: Command) {
  const result = await runCommand({ db: h.db.db, clock }, actor, cmd);
  if (!result.ok) throw new Error(`${cmd.verb}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const repliesTo = (user: string) => h.fake.state.messages.filter((m) => m.toUser === user);
const kr1 = () => h.db.db.selectFrom('key_result').select(['id', 'current_value', 'confidence']).where('ref', '=', 1).executeTakeFirstOrThrow();

describe('WeCom callback URL', () => {
  it('answers the verification with the decrypted echo string, exactly', async () => {
    const res = await h.verify('1616140317555161061');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1616140317555161061');
  });
});

describe('text commands', () => {
  it('updates a key result from a Chinese command and replies in the app chat', async () => {
    const res = await h.post(textMessageXml({ toUser: corpId, fromUser: 'alice', content: '更新 KR-1 45 有风险 等法务' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const reply = await eventually(() => repliesTo('alice')[0]);
    expect(reply.msgtype).toBe('text');
    expect(reply.content).toContain('KR-1');
    const kr = await kr1();
    expect(Number(kr.current_value)).toBe(45);
    expect(kr.confidence).toBe('at_risk');
    const note = await h.db.db.selectFrom('check_in').select('note').executeTakeFirstOrThrow();
    expect(note.note).toBe('等法务');
  });

  it('records a message WeCom delivers twice once, and answers it once', async () => {
    const xml = textMessageXml({ toUser: corpId, fromUser: 'alice', content: '/okr update KR-1 +5', msgId: '7311111111111111111' });
    expect((await h.post(xml)).status).toBe(200);
    expect((await h.post(xml)).status).toBe(200);
    await eventually(() => repliesTo('alice')[0]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(repliesTo('alice')).toHaveLength(1);
    expect(Number((await kr1()).current_value)).toBe(5);
  });

  it('understands the slash form and splits a long answer within 2,048 bytes a message', async () => {
    for (let o = 2; o <= 9; o += 1) {
      await run(alice, { verb: 'new', title: `第${o}个目标：全面提升华东区域重点客户的满意度与续约率` });
      for (let k = 0; k < 3; k += 1) {
        await run(alice, { verb: 'kr_add', objective: { type: 'objective', number: o }, spec: { title: `把华东区域重点客户的续约率提升到百分之九十以上并保持第${k + 1}季度`, kind: 'increase', start: 0, target: 100 } });
      }
    }
    await h.post(textMessageXml({ toUser: corpId, fromUser: 'alice', content: '/okr mine' }));
    // Pages are marked （n/N）; the last one is （N/N）.
    await eventually(() => repliesTo('alice').find((m) => /（(\d+)\/\1）/.test(m.content ?? '')));
    const replies = repliesTo('alice');
    expect(replies.length).toBeGreaterThanOrEqual(2);
    for (const r of replies) expect(Buffer.byteLength(r.content ?? '', 'utf8')).toBeLessThanOrEqual(2048);
    expect(replies.map((r) => r.content).join('\n')).toContain('KR-25');
    expect(h.fake.state.violations).toEqual([]);
  });

  it('meets a new colleague with their directory name and answers in Chinese', async () => {
    h.fake.setDirectory({ departments: [{ id: 1, name: 'Acme', parentid: 0 }], users: [{ userid: 'wangwu', name: '王五', department: [1], status: 1 }] });
    await h.post(textMessageXml({ toUser: corpId, fromUser: 'wangwu', content: '帮助' }));
    await eventually(() => repliesTo('wangwu')[0]);
    const member = await h.db.db.selectFrom('member').select(['display_name', 'locale']).where('external_id', '=', 'wangwu').executeTakeFirstOrThrow();
    expect(member).toEqual({ display_name: '王五', locale: 'zh-CN' });
    h.fake.setDirectory({ departments: [], users: [] });
  });
});

describe('secrets', () => {
  it('shows a new API token to its creator in the app chat and never keeps it in Redis', async () => {
    await h.post(textMessageXml({ toUser: corpId, fromUser: 'alice', content: '令牌 新建 crm' }));
    const reply = await eventually(() => repliesTo('alice').find((m) => /okr_[A-Za-z0-9_-]{20,}/.test(m.content ?? '')));
    const token = /okr_[A-Za-z0-9_-]{20,}/.exec(reply.content!)![0];
    const redis = new Redis(h.redis.url, { maxRetriesPerRequest: 1 });
    try {
      const keys = await redis.keys(`${h.redis.prefix}*`);
      for (const key of keys) {
        const type = await redis.type(key);
        const dump = type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : type === 'string' ? String(await redis.get(key)) : '';
        expect(dump.includes(token)).toBe(false);
      }
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });
});

describe('refused callbacks', () => {
  it('answers a wrong signature or a replayed nonce with 403 and changes nothing', async () => {
    const counts = await rowCounts(h.db.db);
    const forged = await h.post(textMessageXml({ toUser: corpId, fromUser: 'alice', content: '更新 KR-1 49' }), { signature: 'f'.repeat(40) });
    expect(forged.status).toBe(403);
    const once = { nonce: '1234567890', timestamp: Math.floor(Date.now() / 1000) };
    expect((await h.post(textMessageXml({ toUser: corpId, fromUser: 'alice', content: '我的' }), once)).status).toBe(200);
    const replay = await h.post(textMessageXml({ toUser: corpId, fromUser: 'alice', content: '更新 KR-1 48' }), once);
    expect(replay.status).toBe(403);
    await eventually(() => repliesTo('alice')[0]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rowCounts(h.db.db)).toEqual(counts);
    expect(repliesTo('alice')).toHaveLength(1);
  });
});

describe('weekly check-in cards', () => {
  it('sends the prompt as a card; a click records the confidence, updates the card, and the reply sets the value', async () => {
    now = new Date('2026-11-23T02:30:00Z');
    const deps = { db: h.db.db, clock };
    await runTick(deps);
    await deliverPending(deps, (platform) => (platform === 'wecom' ? h.runtime.notifier : undefined));
    const card = repliesTo('alice').find((m) => m.msgtype === 'template_card');
    expect(card).toBeDefined();
    const template = card!.card as { task_id: string; button_list: Array<{ key: string; text: string }>; button_selection: { option_list: Array<{ id: string }> } };
    expect(template.button_list.map((b) => b.text)).toEqual(['按计划', '有风险', '延期', '详情']);
    const atRisk = template.button_list[1]!.key;

    const responseCode = h.fake.issueResponseCode('alice', template.task_id);
    const click = templateCardEventXml({
      toUser: corpId,
      fromUser: 'alice',
      eventKey: atRisk,
      taskId: template.task_id,
      responseCode,
      selected: [{ questionKey: 'kr', optionIds: [template.button_selection.option_list[0]!.id] }],
    });
    expect((await h.post(click)).status).toBe(200);
    const updated = await eventually(() => h.fake.state.cardUpdates.get(template.task_id)?.[0]);
    expect(JSON.stringify(updated.body)).toContain('有风险 ✓');
    const ask = await eventually(() => repliesTo('alice').find((m) => m.msgtype === 'text'));
    expect(ask.content).toContain('KR-1');
    expect((await kr1()).confidence).toBe('at_risk');

    await h.post(textMessageXml({ toUser: corpId, fromUser: 'alice', content: '30 等法务审核' }));
    const confirmed = await eventually(() => repliesTo('alice').find((m) => m.content?.includes('30 / 50')));
    expect(confirmed.msgtype).toBe('text');
    expect(Number((await kr1()).current_value)).toBe(30);
    expect(h.fake.state.violations).toEqual([]);
  });

  it('ignores a click with a key it never issued', async () => {
    const counts = await rowCounts(h.db.db);
    const res = await h.post(templateCardEventXml({ toUser: corpId, fromUser: 'mallory', eventKey: 'checkin:999999:at_risk\u0000', taskId: 'checkin-1' }));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await rowCounts(h.db.db)).toEqual(counts);
    expect(repliesTo('mallory')).toEqual([]);
  });
});
