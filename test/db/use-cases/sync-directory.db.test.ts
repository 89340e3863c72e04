import { sql } from 'kysely';
import { listSchedulingMembers } from '../../../src/db/scheduling.repository';
import { insertTeam } from '../../../src/db/team.repository';
import { upsertWorkspace } from '../../../src/db/member.repository';
import { fixedClock } from '../../../src/ports/clock';
import type { DirectoryDepartment, DirectoryPerson, DirectorySnapshot } from '../../../src/ports/directory';
import { syncDirectory, type DirectorySyncReport } from '../../../src/use-cases/sync-directory';
import { orgState } from '../../support/factories';
import { openTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let ws: number;
const NOW = '2026-11-20T08:00:00.000Z';
const deps = () => ({ db: t.db, clock: fixedClock(NOW) });

beforeAll(async () => {
  t = await openTestDb();
}, 60_000);
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  ws = (await upsertWorkspace(t.db, { platform: 'wecom', externalId: 'corp-1', name: 'Acme', locale: 'zh-CN', timeZone: 'Asia/Shanghai' })).id;
});

const dept = (ref: string, name: string, parentRef: string | null, leaderRefs: string[] = []): DirectoryDepartment => ({ ref, name, parentRef, leaderRefs });
const person = (ref: string, departmentRefs: string[], o: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  ref, name: ref, departmentRefs, mainDepartmentRef: departmentRefs[0] ?? null, active: true, directLeaderRefs: [], ...o,
});

/** Acme: a root with Engineering (and Platform under it, leaderless) and 销售部. */
function acme(): DirectorySnapshot {
  return {
    departments: [
      dept('1', 'Acme', null, ['ceo']),
      dept('2', 'Engineering', '1', ['eng-lead']),
      dept('3', '销售部', '1', ['sales-lead']),
      dept('4', 'Platform', '2'),
    ],
    people: [
      person('ceo', ['1'], { name: 'Wang Wei' }),
      person('eng-lead', ['2']),
      person('sales-lead', ['3']),
      person('alice', ['4']),
      person('bob', ['2'], { directLeaderRefs: ['alice'] }),
      person('chen', ['3', '4'], { mainDepartmentRef: '3' }),
    ],
  };
}

const ZERO: DirectorySyncReport = {
  teamsCreated: 0, teamsUpdated: 0, membersCreated: 0, membersUpdated: 0, membersDeactivated: 0, membersReactivated: 0,
  managersSet: 0, membershipsAdded: 0, membershipsRemoved: 0,
};
const sync = (snapshot: DirectorySnapshot, workspaceId = ws) => syncDirectory(deps(), workspaceId, snapshot);

/** The organisation in directory terms: refs instead of ids, so expectations read like the snapshot. */
async function org(workspaceId = ws) {
  const members = await t.db.selectFrom('member').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const teams = await t.db.selectFrom('team').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const memberships = await t.db.selectFrom('team_membership').selectAll().where('workspace_id', '=', workspaceId).execute();
  const ref = new Map(members.map((m) => [m.id, m.external_id]));
  const teamRef = new Map(teams.map((x) => [x.id, x.external_ref ?? x.handle]));
  const member = (r: string) => {
    const m = members.find((x) => x.external_id === r);
    if (!m) throw new Error(`no member ${r}`);
    return { ...m, manager: m.manager_id === null ? null : ref.get(m.manager_id), teams: memberships.filter((x) => x.member_id === m.id).map((x) => teamRef.get(x.team_id)).sort() };
  };
  const team = (r: string) => {
    const x = teams.find((y) => y.external_ref === r);
    if (!x) throw new Error(`no team ${r}`);
    return { ...x, parent: x.parent_id === null ? null : teamRef.get(x.parent_id), manager: x.manager_id === null ? null : ref.get(x.manager_id) };
  };
  return { members, teams, member, team };
}

const audits = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

describe('syncDirectory', () => {
  it('should build teams, members, managers and memberships on the first sync', async () => {
    expect(await sync(acme())).toEqual({ ...ZERO, teamsCreated: 4, membersCreated: 6, managersSet: 5, membershipsAdded: 7 });
    const o = await org();
    expect(o.teams.map((x) => [x.external_ref, x.name, x.handle])).toEqual([
      ['1', 'Acme', 'acme'], ['2', 'Engineering', 'engineering'], ['3', '销售部', 'dept-3'], ['4', 'Platform', 'platform'],
    ]);
    expect(['1', '2', '3', '4'].map((r) => [o.team(r).parent, o.team(r).manager])).toEqual([[null, 'ceo'], ['1', 'eng-lead'], ['1', 'sales-lead'], ['2', null]]);
    // Platform has no leader: alice reports up to Engineering's; bob's direct leader wins; chen's main department decides.
    expect(['ceo', 'eng-lead', 'sales-lead', 'alice', 'bob', 'chen'].map((r) => [r, o.member(r).manager, o.member(r).role])).toEqual([
      ['ceo', null, 'admin'], ['eng-lead', 'ceo', 'manager'], ['sales-lead', 'ceo', 'manager'],
      ['alice', 'eng-lead', 'member'], ['bob', 'alice', 'member'], ['chen', 'sales-lead', 'member'],
    ]);
    expect(o.member('chen').teams).toEqual(['3', '4']);
    expect(o.member('ceo')).toMatchObject({ display_name: 'Wang Wei', locale: 'zh-CN', time_zone: 'Asia/Shanghai', active: true, deactivated_at: null });

    const [summary] = await audits('directory.sync');
    expect(summary).toMatchObject({ workspace_id: ws, actor_id: null, entity_type: 'workspace', entity_id: ws });
    expect(summary!.after).toMatchObject({ teamsCreated: 4, membersCreated: 6, departments: 4, people: 6 });
    expect((await audits('member.role')).map((a) => [a.entity_id, a.after])).toEqual([
      [o.member('ceo').id, expect.objectContaining({ role: 'admin' })],
      [o.member('eng-lead').id, expect.objectContaining({ role: 'manager' })],
      [o.member('sales-lead').id, expect.objectContaining({ role: 'manager' })],
    ]);
  });

  it('should change nothing and report zeros when run again with the same snapshot', async () => {
    await sync(acme());
    const before = { state: await orgState(t.db), members: (await org()).members };
    expect(await sync(acme())).toEqual(ZERO);
    expect({ state: await orgState(t.db), members: (await org()).members }).toEqual(before);
    expect(await audits('directory.sync')).toHaveLength(1);
  });

  it('should keep each workspace to its own rows', async () => {
    const other = (await upsertWorkspace(t.db, { platform: 'wecom', externalId: 'corp-2', name: 'Globex' })).id;
    await sync(acme());
    expect(await sync(acme(), other)).toEqual({ ...ZERO, teamsCreated: 4, membersCreated: 6, managersSet: 5, membershipsAdded: 7 });
    const [mine, theirs] = [await org(), await org(other)];
    expect(theirs.member('bob').manager_id).toBe(theirs.member('alice').id);
    expect(mine.member('bob').manager_id).toBe(mine.member('alice').id);
    expect(theirs.member('ceo')).toMatchObject({ locale: 'en', time_zone: 'UTC' });
  });

  it('should follow a rename and a move between departments, keeping the handle', async () => {
    await sync(acme());
    const next = acme();
    next.departments[1] = dept('2', 'R&D', '1', ['eng-lead']);
    next.departments[3] = dept('4', 'Platform', '3');
    next.people[4] = person('bob', ['3'], { name: 'Bob Li' });
    expect(await sync(next)).toEqual({ ...ZERO, teamsUpdated: 2, membersUpdated: 1, managersSet: 2, membershipsAdded: 1, membershipsRemoved: 1 });
    const o = await org();
    expect(o.team('2')).toMatchObject({ name: 'R&D', handle: 'engineering' });
    expect(o.team('4').parent).toBe('3');
    expect(o.member('bob')).toMatchObject({ display_name: 'Bob Li', manager: 'sales-lead', teams: ['3'] });
    // Platform (leaderless) now sits under Sales: Alice reports up that chain.
    expect(o.member('alice').manager).toBe('sales-lead');
    expect(await sync(next)).toEqual(ZERO);
  });

  it('should follow a leader change, sending a leader of their own department one level up', async () => {
    await sync(acme());
    const next = acme();
    next.departments[1] = dept('2', 'Engineering', '1', ['alice']);
    expect(await sync(next)).toEqual({ ...ZERO, teamsUpdated: 1, managersSet: 2 });
    const o = await org();
    expect(o.team('2').manager).toBe('alice');
    expect(o.member('alice')).toMatchObject({ role: 'manager', manager: 'ceo' });
    expect(o.member('eng-lead').manager).toBe('alice');
    expect(o.member('bob').manager).toBe('alice');
    expect(o.member('eng-lead').role).toBe('manager');
  });

  it('should deactivate someone who left without deleting anything, and reactivate them when they come back', async () => {
    await sync(acme());
    const alice = (await org()).member('alice');
    const cycle = await t.db.insertInto('cycle').values({ workspace_id: ws, name: '2026-Q4', starts_on: '2026-10-01', ends_on: '2026-12-31', status: 'active' }).returning('id').executeTakeFirstOrThrow();
    const goal = await t.db.insertInto('objective').values({ workspace_id: ws, cycle_id: cycle.id, owner_id: alice.id, title: 'Ship it', level: 'personal' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('key_result').values({ workspace_id: ws, objective_id: goal.id, owner_id: alice.id, title: 'Ship 3', kind: 'increase', start_value: 0, target_value: 3 }).execute();
    const scheduled = async () => (await listSchedulingMembers(t.db, 0, 100)).map((m) => m.id);
    expect(await scheduled()).toEqual([alice.id]);

    const gone = acme();
    gone.people.splice(3, 1);
    expect(await sync(gone)).toEqual({ ...ZERO, membersDeactivated: 1, managersSet: 1 });
    let o = await org();
    expect(o.member('alice')).toMatchObject({ active: false, deactivated_at: new Date(NOW), teams: ['4'], manager: 'eng-lead' });
    expect(o.member('bob').manager).toBe('eng-lead');
    expect(await t.db.selectFrom('objective').select('owner_id').where('id', '=', goal.id).executeTakeFirstOrThrow()).toEqual({ owner_id: alice.id });
    expect(await t.db.selectFrom('key_result').select('owner_id').where('objective_id', '=', goal.id).execute()).toEqual([{ owner_id: alice.id }]);
    expect(await scheduled()).toEqual([]);

    // Marked inactive by the directory instead of missing: the same outcome, and nothing more to do.
    const disabled = acme();
    disabled.people[3] = person('alice', ['4'], { active: false });
    expect(await sync(disabled)).toEqual(ZERO);

    expect(await sync(acme())).toEqual({ ...ZERO, membersReactivated: 1, managersSet: 1 });
    o = await org();
    expect(o.member('alice')).toMatchObject({ id: alice.id, active: true, deactivated_at: null });
    expect(o.member('bob').manager).toBe('alice');
    expect(await scheduled()).toEqual([alice.id]);
  });

  it('should give non-ASCII names dept-<ref> handles and make every handle unique', async () => {
    await insertTeam(t.db, { workspaceId: ws, name: 'Sales (by hand)', handle: 'sales' });
    const snapshot: DirectorySnapshot = {
      departments: [dept('1', '研发中心', null), dept('2', 'Sales', '1'), dept('3', 'SALES!', '1'), dept('4', 'R&D 平台', '1'), dept('5', '***', '1')],
      people: [person('p1', ['1', '2', '3'])],
    };
    expect(await sync(snapshot)).toMatchObject({ teamsCreated: 5 });
    const o = await org();
    expect(['1', '2', '3', '4', '5'].map((r) => o.team(r).handle)).toEqual(['dept-1', 'sales-2', 'sales-3', 'dept-4', 'dept-5']);
    // The hand-made team is not the directory's: untouched.
    expect(o.teams[0]).toMatchObject({ handle: 'sales', external_ref: null, parent_id: null });
  });

  it('should survive loops, missing parents, repeated refs and leaders naming each other', async () => {
    const snapshot: DirectorySnapshot = {
      departments: [
        dept('1', 'Root', null, ['x']),
        dept('a', 'A', 'b'), dept('b', 'B', 'a'),
        dept('c', 'C', 'missing'), dept('d', 'D', 'd'),
        dept('a', 'A again', null),
      ],
      people: [
        person('x', ['1']),
        person('p', ['a'], { directLeaderRefs: ['q'] }),
        person('q', ['b'], { directLeaderRefs: ['q', 'p'] }),
        person('r', ['c', 'nowhere'], { mainDepartmentRef: 'nowhere', directLeaderRefs: ['ghost'] }),
        person('p', ['d'], { name: 'second p' }),
      ],
    };
    expect(await sync(snapshot)).toMatchObject({ teamsCreated: 5, membersCreated: 4 });
    const o = await org();
    expect(o.team('a').name).toBe('A');
    expect(o.team('c').parent).toBeNull();
    expect(o.team('d').parent).toBeNull();
    expect([o.team('a').parent, o.team('b').parent].filter((p) => p === null)).toHaveLength(1);
    // p → q → p: the link that closes the loop (q's) is dropped.
    expect([o.member('p').manager, o.member('q').manager]).toEqual(['q', null]);
    expect(o.member('r')).toMatchObject({ teams: ['c'], manager: null });
    expect(o.member('p')).toMatchObject({ display_name: 'p', teams: ['a'] });
    expect(await sync(snapshot)).toEqual(ZERO);
  });

  it('should keep a manager set by hand where the directory names none, until that manager leaves', async () => {
    await sync(acme());
    const o = await org();
    await t.db.updateTable('team').set({ manager_id: o.member('chen').id }).where('id', '=', o.team('4').id).execute();
    expect(await sync(acme())).toEqual(ZERO);
    const gone = acme();
    gone.people.splice(5, 1);
    expect(await sync(gone)).toEqual({ ...ZERO, teamsUpdated: 1, membersDeactivated: 1 });
    expect((await org()).team('4').manager).toBeNull();
  });

  it('should still refuse a loop in the team tree or the reporting lines, while taking a swap in one statement', async () => {
    await sync(acme());
    const o = await org();
    const [root, eng, platform] = [o.team('1').id, o.team('2').id, o.team('4').id];
    await expect(t.db.updateTable('team').set({ parent_id: platform }).where('id', '=', root).execute()).rejects.toThrow(/own ancestor/);
    await expect(t.db.updateTable('member').set({ manager_id: o.member('bob').id }).where('id', '=', o.member('alice').id).execute()).rejects.toThrow(/own ancestor/);
    // Platform under Engineering becomes Engineering under Platform, written at once.
    await t.db
      .updateTable('team')
      .set((eb) => ({ parent_id: eb.case().when('id', '=', eng).then(platform).else(root).end() }))
      .where('id', 'in', [eng, platform])
      .execute();
    const after = await org();
    expect([after.team('2').parent, after.team('4').parent]).toEqual(['4', '1']);

    // Many lines at once take the other path of the check: a chain of 150 is fine, a ring is not.
    const ids = (await t.db.insertInto('member').values(Array.from({ length: 150 }, (_, i) => ({ workspace_id: ws, external_id: `r${i}`, display_name: `r${i}` }))).returning('id').execute()).map((r) => r.id);
    const [first, last] = [Math.min(...ids), Math.max(...ids)];
    expect(last - first).toBe(149);
    const chain = (top: number | null) => sql`
      UPDATE member SET manager_id = CASE WHEN id = ${first} THEN ${top}::bigint ELSE id - 1 END
      WHERE workspace_id = ${ws} AND id BETWEEN ${first} AND ${last}`.execute(t.db);
    await chain(null);
    await expect(chain(last)).rejects.toThrow(/own ancestor/);
  });

  it('should refuse an empty snapshot rather than deactivate everyone', async () => {
    await sync(acme());
    const before = await orgState(t.db);
    await expect(sync({ departments: acme().departments, people: [] })).rejects.toThrow(/no active person/);
    expect(await orgState(t.db)).toEqual(before);
  });

  it('should sync 10,000 people in 500 departments, and then have nothing to do', async () => {
    const departments = Array.from({ length: 500 }, (_, i) => dept(`${i + 1}`, i % 2 === 0 ? `Team ${i + 1}` : `部门${i + 1}`, i === 0 ? null : `${Math.floor(i / 8) + 1}`, [`u${i * 20}`]));
    const people = Array.from({ length: 10_000 }, (_, i) => {
      const home = `${Math.floor(i / 20) + 1}`;
      const extra = i % 7 === 0 ? [`${((i * 13) % 500) + 1}`] : [];
      return person(`u${i}`, [home, ...extra], { name: `Person ${i}`, mainDepartmentRef: home, directLeaderRefs: i % 11 === 0 && i > 0 ? [`u${i - 1}`] : [] });
    });
    const first = await sync({ departments, people });
    expect(first).toMatchObject({ teamsCreated: 500, membersCreated: 10_000, membersDeactivated: 0 });
    expect(first.managersSet).toBeGreaterThan(9_900);
    expect(first.membershipsAdded).toBeGreaterThan(10_000);
    expect(await sync({ departments, people })).toEqual(ZERO);
  });
});
