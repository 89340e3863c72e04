import type { Actor } from '../../src/domain/member';
import { deliverPending } from '../../src/use-cases/delivery/deliver-pending';
import { runCommand } from '../../src/use-cases/run-command';
import { runTick } from '../../src/use-cases/scheduler/run-tick';
import { insertCycle } from '../../src/db/cycle.repository';
import type { FakeDirectory } from '../support/fake-wecom-api';
import { FAKE_WECOM_APP } from '../support/fake-wecom-api';
import { eventually, startWecomHarness, type WecomHarness } from '../support/wecom-harness';
import { textMessageXml } from '../support/wecom-callbacks';

// The WeCom directory becomes teams, members and managers; each team gets an app group chat that
// the team's digest then goes to. Driven through the real worker and the fake WeCom API.

let now = new Date('2026-11-20T02:00:00Z');
const clock = { now: () => new Date(now) };
let h: WecomHarness;
const corpId = FAKE_WECOM_APP.corpId;

const directory = (): FakeDirectory => ({
  departments: [
    { id: 1, name: 'Acme', parentid: 0, department_leader: ['ceo'] },
    { id: 2, name: '销售部', parentid: 1, department_leader: ['lihua'] },
  ],
  users: [
    { userid: 'ceo', name: '王总', department: [1], main_department: 1, status: 1 },
    { userid: 'lihua', name: '李华', department: [2], main_department: 2, status: 1 },
    { userid: 'zhangsan', name: '张三', department: [2], main_department: 2, status: 1 },
    { userid: 'lisi', name: '李四', department: [2], main_department: 2, status: 1 },
  ],
});

beforeAll(async () => {
  h = await startWecomHarness(clock);
  h.fake.setDirectory(directory());
}, 60_000);
afterAll(() => h.close());

const member = (id: string) => h.db.db.selectFrom('member').selectAll().where('external_id', '=', id).executeTakeFirst();
const replies = (user: string) => h.fake.state.messages.filter((m) => m.toUser === user);

it('mirrors the directory, makes a group chat per team, and posts the team digest there', async () => {
  await h.runtime.syncDirectoryNow();
  const zhangsan = await eventually(() => member('zhangsan'));
  const sales = await h.db.db.selectFrom('team').selectAll().where('external_ref', '=', '2').executeTakeFirstOrThrow();
  const lihua = (await member('lihua'))!;
  expect(sales.name).toBe('销售部');
  expect(Number(sales.manager_id)).toBe(Number(lihua.id));
  expect(Number(zhangsan.manager_id)).toBe(Number(lihua.id));
  expect((await member('ceo'))!.role).toBe('admin');
  const chatId = await eventually(async () => (await h.db.db.selectFrom('team').select('channel_ref').where('id', '=', sales.id).executeTakeFirstOrThrow()).channel_ref ?? undefined);
  expect(new Set(h.fake.state.chats.get(chatId)!.userIds)).toEqual(new Set(['lihua', 'zhangsan', 'lisi']));

  // Zhang San's week: the prompt as a card to him, then the team's digest into the group chat.
  const actor: Actor = { workspaceId: Number(zhangsan.workspace_id), memberId: Number(zhangsan.id), role: zhangsan.role, locale: zhangsan.locale, timeZone: zhangsan.time_zone };
  await insertCycle(h.db.db, { workspaceId: actor.workspaceId, name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
  const deps = { db: h.db.db, clock };
  expect((await runCommand(deps, actor, { verb: 'new', title: '拿下华东市场' })).ok).toBe(true);
  expect((await runCommand(deps, actor, { verb: 'kr_add', objective: { type: 'objective', number: 1 }, spec: { title: '签约 50 家客户', kind: 'increase', start: 0, target: 50 } })).ok).toBe(true);
  const notifierFor = (platform: string) => (platform === 'wecom' ? h.runtime.notifier : undefined);
  for (const at of ['2026-11-23T02:30:00Z', '2026-11-24T02:30:00Z']) {
    now = new Date(at);
    await runTick(deps);
    await deliverPending(deps, notifierFor);
  }
  expect(replies('zhangsan').some((m) => m.msgtype === 'template_card')).toBe(true);
  const digest = h.fake.state.chatMessages.find((m) => m.chatId === chatId);
  expect(digest?.msgtype).toBe('markdown');
  expect(digest?.content).toContain('销售部');
  expect(h.fake.state.violations).toEqual([]);
}, 60_000);

it('lets only admins sync on demand, and deactivates people who left', async () => {
  await h.post(textMessageXml({ toUser: corpId, fromUser: 'lisi', content: '同步通讯录' }));
  const refused = await eventually(() => replies('lisi').find((m) => m.msgtype === 'text'));
  expect(refused.content).not.toContain('正在同步');

  const next = directory();
  next.users = next.users.map((u) => (u.userid === 'zhangsan' ? { ...u, status: 5 } : u));
  h.fake.setDirectory(next);
  await h.post(textMessageXml({ toUser: corpId, fromUser: 'ceo', content: '/okr directory sync' }));
  const done = await eventually(() => replies('ceo').find((m) => m.content?.includes('通讯录已同步')), 30_000);
  expect(done.content).toContain('停用 1 人');
  const gone = (await member('zhangsan'))!;
  expect(gone.active).toBe(false);
  expect(gone.deactivated_at).not.toBeNull();
  // His goals stay.
  expect(await h.db.db.selectFrom('objective').select('id').where('owner_id', '=', gone.id).execute()).toHaveLength(1);
}, 60_000);
