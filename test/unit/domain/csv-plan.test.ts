import { readCsv } from '../../../src/domain/csv/csv-formats';
import { sortIssues } from '../../../src/domain/csv/csv-issue';
import { planReadingImport } from '../../../src/domain/csv/plan-kpis';
import { planOkrImport, type OkrSnapshot } from '../../../src/domain/csv/plan-okrs';
import { planOrgImport, type OrgSnapshot } from '../../../src/domain/csv/plan-org';

const org: OrgSnapshot = {
  members: [
    { id: 1, externalId: 'U1', name: 'Ada', role: 'admin', managerId: null, active: true },
    { id: 2, externalId: 'U2', name: 'Bo', role: 'member', managerId: 1, active: true },
  ],
  teams: [{ id: 1, handle: 'eng', name: 'Engineering', parentId: null, managerId: null }],
  memberships: [{ teamId: 1, memberId: 2 }],
};

const planOrg = (csv: string) => {
  const read = readCsv('org', csv);
  expect(read.issues).toEqual([]);
  return planOrgImport(org, read.records);
};
const issuesOf = (plan: { issues: { line: number; column?: string; message: string }[] }) => sortIssues(plan.issues).map((i) => `${i.line} ${i.column}: ${i.message}`);

describe('planOrgImport', () => {
  it('should add people and teams, match known ones by external id or name, and report per row', () => {
    const plan = planOrg('person,external_id,manager,team,team_name,parent_team,team_manager\nBo,,,eng,,,\nCy,U3,Bo,web,Web,eng,yes\nAda,,,,,,\n');
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'create', 'unchanged']);
    expect(plan.changes).toMatchObject({
      newMembers: [{ key: 'x:U3', externalId: 'U3', name: 'Cy', role: 'manager' }],
      managers: [{ person: 'x:U3', manager: 'm2' }],
      newTeams: [{ key: 'h:web', handle: 'web', name: 'Web' }],
      parents: [{ team: 'h:web', parent: 't1' }],
      teamManagers: [{ team: 'h:web', manager: 'x:U3' }],
      memberships: [{ team: 'h:web', person: 'x:U3' }],
    });
  });

  it('should refuse unknown people, contradictions, loops and a workspace without an admin', () => {
    const plan = planOrg('person,external_id,manager,role,team,parent_team\nZed,,,,,\nBo,,Ada,,,\nBo,,Bo,,,\nAda,,Bo,member,,\n,,,,eng,web\n,,,,web,eng\n');
    expect(issuesOf(plan)).toEqual([
      '2 person: no person "Zed"; a new person needs an external_id',
      '3 manager: this reporting line would loop back to the person',
      '4 manager: a person cannot be their own manager',
      '5 manager: this reporting line would loop back to the person',
      '5 role: the workspace would have no admin left',
      '6 parent_team: this team tree would loop back to the team',
      '7 parent_team: this team tree would loop back to the team',
    ]);
  });
});

const okrs: OkrSnapshot = {
  cycles: [{ id: 1, name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' }],
  objectives: [{ id: 10, ref: 1, cycleId: 1, title: 'Company', level: 'company', ownerId: 1, teamId: null, parentId: null, weight: 1, status: 'active' }],
  keyResults: [],
  people: [{ id: 1, externalId: 'U1', name: 'Ada' }],
  teams: [{ id: 1, handle: 'eng' }],
  kpis: [{ id: 1, key: 'nps' }],
};
const planOkrs = (csv: string, max = 10) => {
  const read = readCsv('okrs', csv);
  expect(read.issues).toEqual([]);
  return planOkrImport(okrs, read.records, max);
};
const HEAD = 'type,ref,cycle,cycle_start,cycle_end,title,level,owner,team,parent,kind,start,target,current,kpi\n';

describe('planOkrImport', () => {
  it('should keep file refs for new goals, update known ones, and turn new values into check-ins', () => {
    const plan = planOkrs(`${HEAD}objective,O-1,2026-Q4,,,Company!,,Ada,,,,,,,\nobjective,O-7,2027-Q1,2027-01-01,2027-03-31,Team,team,Ada,eng,O-1,,,,,\nkr,KR-9,,,,NPS,,Ada,,O-7,increase,30,45,35,nps\n`);
    expect(plan.issues).toEqual([]);
    expect(plan.rows.map((r) => [r.what, r.action])).toEqual([['O-1', 'update'], ['O-7', 'create'], ['KR-9', 'create']]);
    expect(plan.changes.newCycles).toEqual([{ name: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' }]);
    expect(plan.changes.checkIns).toEqual([{ ref: 9, value: 35, confidence: null }]);
    expect(plan.changes.keyResults[0]?.values).toMatchObject({ objectiveRef: 7, kind: 'increase', kpiId: 1, pace: 'linear' });
  });

  it('should refuse bad alignment, loops, repeated refs, unknown names, new cycles without dates and too many key results', () => {
    const plan = planOkrs(
      `${HEAD}objective,O-2,2026-Q4,,,T,personal,Ada,,O-3,,,,,\nobjective,O-3,2026-Q4,,,T,company,Ada,,O-2,,,,,\nobjective,O-3,Q9,,,T,,Nobody,ops,,,,,,\n` +
        `kr,KR-1,,,,A,,Ada,,O-1,,,5,,\nkr,KR-2,,,,B,,Ada,,O-1,,,5,,cac\n`,
      1,
    );
    expect(issuesOf(plan)).toEqual([
      '2 parent: this alignment would loop back to the objective',
      '3 parent: a company objective cannot align under a personal one',
      '4 ref: O-3 is also on line 3',
      '6 kpi: no KPI cac; import kpis.csv first',
      '6 parent: O-1 would have more than 1 key results',
    ]);
  });
});

describe('planReadingImport', () => {
  it('should create new days, leave equal ones, add a reading where the value changed, and refuse repeats and unknown KPIs', () => {
    const read = readCsv('kpi-readings', 'kpi,date,value\nnps,2026-01-01,1\nnps,2026-01-02,2\nnps,2026-01-03,3\nnps,2026-01-03,4\ncac,2026-01-01,1\n');
    const plan = planReadingImport({ kpis: [{ id: 1, key: 'nps' }], readings: [{ kpiId: 1, date: '2026-01-01', value: 1 }, { kpiId: 1, date: '2026-01-02', value: 5 }] }, read.records);
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'update', 'create', 'create', 'create']);
    expect(issuesOf(plan)).toEqual(['5 date: nps on 2026-01-03 is also on line 4', '6 kpi: no KPI cac; import kpis.csv first']);
    expect(plan.changes.readings.map((r) => [r.date, r.value, r.previous])).toEqual([['2026-01-02', 2, 5], ['2026-01-03', 3, null], ['2026-01-03', 4, null]]);
  });
});
