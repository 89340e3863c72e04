import type { DirectoryReader, DirectorySnapshot } from '../ports/directory';
import type { WecomApi, WecomUser } from './api/wecom-api';

/** WeCom's member status: 1 active; 2 disabled, 4 not yet activated, 5 left — none of them can be messaged. */
const ACTIVE = 1;

/**
 * The WeCom directory as our port sees it. The app may see only part of the company, so every
 * visible department without a visible parent is a root, and people are read under each root
 * (fetch_child) and merged — someone in two branches is one person.
 */
export function wecomDirectoryReader(api: Pick<WecomApi, 'listDepartments' | 'listUsers'>): DirectoryReader {
  return {
    async snapshot(): Promise<DirectorySnapshot> {
      const departments = await api.listDepartments();
      const visible = new Set(departments.map((d) => d.id));
      const roots = departments.filter((d) => d.parentId === null || !visible.has(d.parentId));
      const people = new Map<string, WecomUser>();
      for (const root of roots) {
        for (const user of await api.listUsers(root.id)) people.set(user.userId, user);
      }
      return {
        departments: departments.map((d) => ({ ref: d.id, name: d.name, parentRef: d.parentId !== null && visible.has(d.parentId) ? d.parentId : null, leaderRefs: d.leaders })),
        people: [...people.values()].map((u) => ({
          ref: u.userId,
          name: u.name,
          departmentRefs: u.departments.filter((id) => visible.has(id)),
          mainDepartmentRef: u.mainDepartment !== null && visible.has(u.mainDepartment) ? u.mainDepartment : null,
          active: u.status === ACTIVE && u.enabled,
          directLeaderRefs: u.directLeaders,
        })),
      };
    },
  };
}
