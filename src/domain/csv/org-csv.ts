import { z } from 'zod';
import type { Role } from '../member';
import { isValidTeamHandle } from '../team';
import { guardFormula, oneOf, text, YES_NO } from './csv-values';
import type { CsvColumn } from './csv-columns';

// org.csv: one row per person and team they belong to. A person in no team has one row with the
// team cells empty; a team with nobody in it has one row with the person cells empty. Team cells
// (name, parent) may be given on any of the team's rows; repeating them is fine, contradicting is not.

export const ORG_COLUMNS = [
  { key: 'person', header: 'person', aliases: ['name', 'display name', 'member', '姓名', '成员', '员工'] },
  { key: 'externalId', header: 'external_id', aliases: ['user id', 'userid', 'email', 'e-mail', 'id', '账号', '工号', '邮箱', '用户id'] },
  { key: 'manager', header: 'manager', aliases: ['reports to', '上级', '直属上级', '汇报对象'] },
  { key: 'role', header: 'role', aliases: ['角色'] },
  { key: 'team', header: 'team', aliases: ['team handle', 'department', '团队', '部门', '团队标识'] },
  { key: 'teamName', header: 'team_name', aliases: ['团队名称', '部门名称'] },
  { key: 'parentTeam', header: 'parent_team', aliases: ['parent', '父团队', '上级团队', '上级部门'] },
  { key: 'teamManager', header: 'team_manager', aliases: ['manages team', 'team lead', '团队负责人', '部门负责人'] },
] as const satisfies readonly CsvColumn[];

export type OrgColumn = (typeof ORG_COLUMNS)[number]['key'];

const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  member: ['成员', '员工', '普通成员'],
  manager: ['经理', '主管', '管理者'],
  admin: ['管理员', '系统管理员'],
};

/** A handle as typed (`#eng` or `eng`), checked like the chat command checks it. */
const handle = text(80).transform((v, ctx) => {
  if (v === null) return null;
  const h = v.replace(/^#/, '').normalize('NFKC');
  if (!isValidTeamHandle(h)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a team handle (letters, digits, - and _)` });
  return h;
});

export const orgRowSchema = z
  .object({
    person: text(200),
    externalId: text(200),
    manager: text(200),
    role: oneOf(ROLE_WORDS),
    team: handle,
    teamName: text(200),
    parentTeam: handle,
    teamManager: oneOf(YES_NO).transform((v) => v === 'yes'),
  })
  .superRefine((r, ctx) => {
    const hasPerson = r.person !== null || r.externalId !== null;
    if (!hasPerson && r.team === null) ctx.addIssue({ code: 'custom', path: ['person'], message: 'a row needs a person or a team' });
    if (!hasPerson && (r.manager !== null || r.role !== null)) ctx.addIssue({ code: 'custom', path: ['person'], message: 'manager and role need a person' });
    if (r.team === null && (r.teamName !== null || r.parentTeam !== null || r.teamManager)) {
      ctx.addIssue({ code: 'custom', path: ['team'], message: 'team name, parent team and team manager need a team' });
    }
    if (r.teamManager && !hasPerson) ctx.addIssue({ code: 'custom', path: ['teamManager'], message: 'team manager needs a person' });
    if (r.team !== null && r.parentTeam !== null && r.team.toLowerCase() === r.parentTeam.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['parentTeam'], message: 'a team cannot be its own parent' });
    }
  });

export type OrgRecord = z.output<typeof orgRowSchema>;

/** The cells of one exported row; person labels are already chosen (name, or id when names clash). */
export function orgCells(r: OrgRecord): Record<OrgColumn, string> {
  return {
    person: guardFormula(r.person ?? ''),
    externalId: guardFormula(r.externalId ?? ''),
    manager: guardFormula(r.manager ?? ''),
    role: r.role ?? '',
    team: r.team ?? '',
    teamName: guardFormula(r.teamName ?? ''),
    parentTeam: r.parentTeam ?? '',
    teamManager: r.teamManager ? 'yes' : '',
  };
}
