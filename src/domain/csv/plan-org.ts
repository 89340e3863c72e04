import type { Role } from '../member';
import type { CsvIssue } from './csv-issue';
import { closesLoop, Facts, PersonIndex, strongest, type Plan, type RowAction, type RowReport } from './csv-plan';
import type { Lined } from './csv-formats';
import type { OrgRecord } from './org-csv';

/** The organisation as stored, as much as org.csv describes. */
export interface OrgSnapshot {
  readonly members: readonly { id: number; externalId: string; name: string; role: Role; managerId: number | null; active: boolean }[];
  readonly teams: readonly { id: number; handle: string; name: string; parentId: number | null; managerId: number | null }[];
  readonly memberships: readonly { teamId: number; memberId: number }[];
}

/** `m12` for stored member 12, `x:<external id>` for a person the file adds. */
export type PersonKey = string;
/** `t3` for stored team 3, `h:<handle>` for a team the file adds. */
export type TeamKey = string;

export interface OrgChanges {
  readonly newMembers: { key: PersonKey; externalId: string; name: string; role: Role }[];
  readonly memberUpdates: { id: number; name: string; role: Role; before: { name: string; role: Role } }[];
  readonly managers: { person: PersonKey; manager: PersonKey }[];
  readonly newTeams: { key: TeamKey; handle: string; name: string }[];
  readonly teamNames: { id: number; name: string; before: string }[];
  readonly parents: { team: TeamKey; parent: TeamKey }[];
  readonly teamManagers: { team: TeamKey; manager: PersonKey }[];
  readonly memberships: { team: TeamKey; person: PersonKey }[];
}

const key = (prefix: string, n: number) => `${prefix}${n}`;

/**
 * Works out what importing org.csv changes: people by external id or unique name, teams by
 * handle. Import adds and changes, it never removes — an empty cell leaves the stored value.
 * Refused: unknown or ambiguous people, new people without an external id, contradicting rows,
 * reporting loops, team-tree loops and a file that leaves the workspace without an admin.
 */
export function planOrgImport(snapshot: OrgSnapshot, records: readonly Lined<OrgRecord>[]): Plan<OrgChanges> {
  const issues: CsvIssue[] = [];
  const people = new PersonIndex<PersonKey>();
  const stored = new Map(snapshot.members.map((m) => [key('m', m.id), m]));
  for (const m of snapshot.members) people.add(key('m', m.id), m.externalId, m.name);
  const teams = new Map(snapshot.teams.map((t) => [t.handle.toLowerCase(), key('t', t.id)]));
  const storedTeams = new Map(snapshot.teams.map((t) => [key('t', t.id), t]));

  // People the file adds come first, so a later row may name them by display name.
  const newPeople = new Facts<PersonKey, { externalId: string; name: string }>(issues);
  for (const r of records) {
    if (r.externalId === null || people.byExternalId(r.externalId) !== undefined || newPeople.get(`x:${r.externalId}`)) continue;
    if (r.person === null) issues.push({ line: r.line, column: 'person', message: 'a new person needs a name' });
    else newPeople.state(`x:${r.externalId}`, { externalId: r.externalId, name: r.person }, r.line, 'person');
  }
  for (const [k, p] of newPeople.entries()) people.add(k, p.externalId, p.name);

  const names = new Facts<PersonKey, string>(issues);
  const roles = new Facts<PersonKey, Role>(issues);
  const managers = new Facts<PersonKey, PersonKey>(issues);
  const teamNames = new Facts<TeamKey, string>(issues);
  const parents = new Facts<TeamKey, TeamKey>(issues);
  const teamManagers = new Facts<TeamKey, PersonKey>(issues);
  const memberships = new Map<string, { team: TeamKey; person: PersonKey; line: number }>();
  const rowParts: { line: number; person: PersonKey | null; team: TeamKey | null; what: string }[] = [];

  const newTeams = new Map<TeamKey, string>();
  const teamKey = (handle: string): TeamKey => {
    const found = teams.get(handle.toLowerCase());
    if (found) return found;
    const k = `h:${handle.toLowerCase()}`;
    teams.set(handle.toLowerCase(), k);
    newTeams.set(k, handle);
    return k;
  };

  for (const r of records) {
    let person: PersonKey | null = null;
    if (r.externalId !== null || r.person !== null) {
      const found = r.externalId !== null ? { ok: true as const, value: people.byExternalId(r.externalId)! } : people.resolve(r.person!);
      if (!found.ok) issues.push({ line: r.line, column: 'person', message: `${found.error}; a new person needs an external_id` });
      else person = found.value;
    }
    let team: TeamKey | null = null;
    if (r.team !== null) {
      team = teamKey(r.team);
      teamNames.state(team, r.teamName, r.line, 'team_name');
      if (r.parentTeam !== null) parents.state(team, teamKey(r.parentTeam), r.line, 'parent_team');
    }
    if (person !== null) {
      if (r.externalId !== null && r.person !== null) names.state(person, r.person, r.line, 'person');
      roles.state(person, r.role, r.line, 'role');
      if (r.manager !== null) {
        const m = people.resolve(r.manager);
        if (!m.ok) issues.push({ line: r.line, column: 'manager', message: m.error });
        else if (m.value === person) issues.push({ line: r.line, column: 'manager', message: 'a person cannot be their own manager' });
        else managers.state(person, m.value, r.line, 'manager');
      }
      if (team !== null) {
        if (!memberships.has(`${team} ${person}`)) memberships.set(`${team} ${person}`, { team, person, line: r.line });
        if (r.teamManager) teamManagers.state(team, person, r.line, 'team_manager');
      }
    }
    rowParts.push({ line: r.line, person, team, what: [r.person ?? r.externalId, r.team && `#${r.team}`].filter(Boolean).join(' ') });
  }

  // Reporting lines and the team tree as they would be after the import; loops are refused.
  const managerOf = new Map<PersonKey, PersonKey | null>([...stored].map(([k, m]) => [k, m.managerId === null ? null : key('m', m.managerId)]));
  for (const [p, m] of managers.entries()) managerOf.set(p, m);
  for (const [p] of managers.entries()) {
    if (closesLoop(p, (k) => managerOf.get(k))) issues.push({ line: managers.lineOf(p)!, column: 'manager', message: 'this reporting line would loop back to the person' });
  }
  const parentOf = new Map<TeamKey, TeamKey | null>([...storedTeams].map(([k, t]) => [k, t.parentId === null ? null : key('t', t.parentId)]));
  for (const [t, p] of parents.entries()) parentOf.set(t, p);
  for (const [t] of parents.entries()) {
    if (closesLoop(t, (k) => parentOf.get(k))) issues.push({ line: parents.lineOf(t)!, column: 'parent_team', message: 'this team tree would loop back to the team' });
  }

  // Managing a team makes a member a manager, as `team manager #eng @bob` does.
  const finalRole = (p: PersonKey): Role => {
    const role = roles.get(p) ?? stored.get(p)?.role ?? 'member';
    return role === 'member' && teamManagers.entries().some(([, m]) => m === p) ? 'manager' : role;
  };
  const admins = [...stored.keys()].filter((k) => stored.get(k)!.active && finalRole(k) === 'admin').length + newPeople.entries().filter(([k]) => finalRole(k) === 'admin').length;
  if (admins === 0) {
    const demoted = roles.entries().find(([k]) => stored.get(k)?.role === 'admin');
    issues.push({ line: demoted ? roles.lineOf(demoted[0])! : 1, column: 'role', message: 'the workspace would have no admin left' });
  }

  const changes: OrgChanges = {
    newMembers: newPeople.entries().map(([k, p]) => ({ key: k, externalId: p.externalId, name: p.name, role: finalRole(k) })),
    memberUpdates: [...stored].flatMap(([k, m]) => {
      const name = names.get(k) ?? m.name;
      const role = finalRole(k);
      return name !== m.name || role !== m.role ? [{ id: m.id, name, role, before: { name: m.name, role: m.role } }] : [];
    }),
    managers: managers.entries().filter(([p, m]) => !p.startsWith('m') || key('m', stored.get(p)!.managerId ?? 0) !== m).map(([person, manager]) => ({ person, manager })),
    newTeams: [...newTeams].map(([k, handle]) => ({ key: k, handle, name: teamNames.get(k) ?? handle })),
    teamNames: teamNames.entries().flatMap(([k, name]) => (storedTeams.get(k) && storedTeams.get(k)!.name !== name ? [{ id: storedTeams.get(k)!.id, name, before: storedTeams.get(k)!.name }] : [])),
    parents: parents.entries().filter(([t, p]) => !storedTeams.get(t) || key('t', storedTeams.get(t)!.parentId ?? 0) !== p).map(([team, parent]) => ({ team, parent })),
    teamManagers: teamManagers.entries().filter(([t, m]) => !storedTeams.get(t) || key('m', storedTeams.get(t)!.managerId ?? 0) !== m).map(([team, manager]) => ({ team, manager })),
    memberships: [...memberships.values()].filter((m) => !(m.team.startsWith('t') && m.person.startsWith('m') && snapshot.memberships.some((s) => key('t', s.teamId) === m.team && key('m', s.memberId) === m.person))).map(({ team, person }) => ({ team, person })),
  };
  return { rows: rowReports(rowParts, changes), issues, changes };
}

function rowReports(
  parts: readonly { line: number; person: PersonKey | null; team: TeamKey | null; what: string }[],
  changes: OrgChanges,
): RowReport[] {
  const created = new Set([...changes.newMembers.map((m) => m.key), ...changes.newTeams.map((t) => t.key), ...changes.memberships.map((m) => `${m.team} ${m.person}`)]);
  const updated = new Set<string>([
    ...changes.memberUpdates.map((m) => `m${m.id}`), ...changes.managers.map((m) => m.person), ...changes.teamNames.map((t) => `t${t.id}`),
    ...changes.parents.map((p) => p.team), ...changes.teamManagers.map((t) => t.team),
  ]);
  const reported = new Set<string>();
  return parts.map((p) => {
    const actions: RowAction[] = [];
    for (const k of [p.person, p.team]) {
      if (k === null || reported.has(k)) continue;
      reported.add(k);
      actions.push(created.has(k) ? 'create' : updated.has(k) ? 'update' : 'unchanged');
    }
    if (p.person !== null && p.team !== null && created.has(`${p.team} ${p.person}`)) actions.push('create');
    return { line: p.line, action: strongest(...actions), what: p.what };
  });
}
