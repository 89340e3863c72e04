import { fail, ok, type FakeAnswer, type FakeDepartment, type FakeWecomState } from './fake-wecom-state';

// department/list, user/list, user/get served from `state.directory` (60003 部门ID不存在,
// 60111 UserID不存在, from WeCom's global error code table).

/** A department and every department below it. */
function subtree(departments: readonly FakeDepartment[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departments) {
      if (!ids.has(d.id) && ids.has(d.parentid)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function listDepartments(state: FakeWecomState, query: URLSearchParams): FakeAnswer {
  const { departments } = state.directory;
  const id = query.get('id');
  if (id === null || id === '') return ok({ department: departments });
  if (!departments.some((d) => d.id === Number(id))) return fail(60003, 'department not found');
  const ids = subtree(departments, Number(id));
  return ok({ department: departments.filter((d) => ids.has(d.id)) });
}

export function listUsers(state: FakeWecomState, query: URLSearchParams): FakeAnswer {
  const { departments, users } = state.directory;
  const id = Number(query.get('department_id'));
  if (!departments.some((d) => d.id === id)) return fail(60003, 'department not found');
  const ids = query.get('fetch_child') === '1' ? subtree(departments, id) : new Set([id]);
  return ok({ userlist: users.filter((u) => u.department.some((d) => ids.has(d))) });
}

export function getUser(state: FakeWecomState, query: URLSearchParams): FakeAnswer {
  const user = state.directory.users.find((u) => u.userid === query.get('userid'));
  return user ? ok({ ...user }) : fail(60111, 'userid not found');
}
