import type { ColumnType } from 'kysely';
import type { Locale, Role } from '../domain/member';
import type { CreatedAt, DateString, Id, UpdatedAt } from './columns';

export type Platform = 'slack' | 'wecom' | 'console';

export interface WorkspaceTable {
  id: Id;
  platform: Platform;
  external_id: string;
  name: string;
  default_locale: ColumnType<Locale, Locale | undefined, Locale>;
  default_time_zone: ColumnType<string, string | undefined, string>;
  settings: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
}

export interface MemberTable {
  id: Id;
  workspace_id: number;
  external_id: string;
  display_name: string;
  time_zone: ColumnType<string, string | undefined, string>;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  role: ColumnType<Role, Role | undefined, Role>;
  manager_id: number | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  snoozed_until: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** When the directory last said this person left; null while they are in it (or never synced). */
  deactivated_at: Date | null;
}

export interface MemberAbsenceTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  starts_on: DateString;
  ends_on: DateString;
  created_at: CreatedAt;
}

export interface TeamTable {
  id: Id;
  workspace_id: number;
  name: string;
  handle: string;
  parent_id: number | null;
  manager_id: number | null;
  channel_ref: string | null;
  checkin_weekday: ColumnType<number, number | undefined, number>;
  checkin_time: ColumnType<string, string | undefined, string>;
  lag_threshold: ColumnType<number, number | undefined, number>;
  stale_days: ColumnType<number, number | undefined, number>;
  remind_after_hours: ColumnType<number, number | undefined, number>;
  escalate_after_workdays: ColumnType<number, number | undefined, number>;
  digest_after_hours: ColumnType<number, number | undefined, number>;
  settings: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
  /** The directory department this team mirrors (a WeCom department id); null for teams made by hand. */
  external_ref: string | null;
}

export interface TeamMembershipTable {
  workspace_id: number;
  team_id: number;
  member_id: number;
  created_at: CreatedAt;
}

export interface RefCounterTable {
  workspace_id: number;
  kind: 'O' | 'KR' | 'B';
  last_value: number;
}
