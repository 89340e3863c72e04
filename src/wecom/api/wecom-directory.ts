import { z } from 'zod';

// Directory answers (department/list, user/list, user/get) mapped to our shapes. WeCom sends ids
// as numbers (departments) or strings (users); we hand out strings only, so callers never compare
// 1 with '1'. Since 2022-06-20 apps created after that date get no `name` from user/get and
// user/list (privacy change), so a missing name falls back to the userid.

export interface WecomDepartment {
  id: string;
  name: string;
  nameEn: string | null;
  /** null for the root department (WeCom: parentid 0). */
  parentId: string | null;
  order: number;
  /** `department_leader` userids. */
  leaders: string[];
}

export interface WecomUser {
  userId: string;
  name: string;
  departments: string[];
  mainDepartment: string | null;
  /** 1 active, 2 disabled, 4 not activated, 5 left the company. */
  status: number;
  enabled: boolean;
  directLeaders: string[];
}

const id = z.union([z.string(), z.number()]).transform(String);
const ids = z.array(id).optional().transform((v) => v ?? []);

const departmentSchema = z.object({
  id,
  name: z.string().optional(),
  name_en: z.string().optional(),
  parentid: id.optional(),
  order: z.number().optional(),
  department_leader: ids,
});

export const departmentListSchema = z.object({ department: z.array(departmentSchema).optional().transform((v) => v ?? []) });

export const userSchema = z.object({
  userid: z.string(),
  name: z.string().optional(),
  department: ids,
  main_department: id.optional(),
  status: z.number().optional(),
  enable: z.number().optional(),
  direct_leader: ids,
});

export const userListSchema = z.object({ userlist: z.array(userSchema).optional().transform((v) => v ?? []) });

export function toDepartment(d: z.infer<typeof departmentSchema>): WecomDepartment {
  return {
    id: d.id,
    name: d.name ?? d.id,
    nameEn: d.name_en ? d.name_en : null,
    parentId: d.parentid === undefined || d.parentid === '0' ? null : d.parentid,
    order: d.order ?? 0,
    leaders: d.department_leader,
  };
}

export function toUser(u: z.infer<typeof userSchema>): WecomUser {
  return {
    userId: u.userid,
    name: u.name ? u.name : u.userid,
    departments: u.department,
    mainDepartment: u.main_department ?? null,
    status: u.status ?? 1,
    // `enable` is only returned to apps allowed to see it; absent means we can't tell, so enabled.
    enabled: u.enable === undefined ? true : u.enable === 1,
    directLeaders: u.direct_leader,
  };
}
