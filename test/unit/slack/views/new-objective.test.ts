import { ACTION, VIEW } from '../../../../src/slack/blocks/ids';
import { readNewObjectiveForm } from '../../../../src/slack/blocks/new-objective-form';
import { NEW_OBJECTIVE_BLOCK, newObjectiveModal } from '../../../../src/slack/blocks/new-objective-modal.blocks';
import { EN, ZH } from '../../render/fixtures';
import { allText, inputIds, submission, viewViolations } from './view-check';

const TEAMS = [{ id: 3, name: 'Growth' }, { id: 4, name: 'Platform' }];

describe('newObjectiveModal', () => {
  it('should have the agreed block ids, callback id and parent select', () => {
    const view = newObjectiveModal(EN, { teams: TEAMS });
    expect(view.callback_id).toBe(VIEW.newObjective);
    expect(inputIds(view)).toEqual(['title', 'level', 'team', 'parent', 'kr_1', 'kr_2', 'kr_3', 'kr_4', 'kr_5']);
    const parent = view.blocks.find((b) => b.block_id === 'parent') as { element: { type: string; action_id: string; min_query_length: number } };
    expect(parent.element).toMatchObject({ type: 'external_select', action_id: ACTION.parentSelect, min_query_length: 0 });
    expect(view.type === 'modal' && view.title.text).toBe('New objective');
    expect(allText(view)).toContain('e.g. Raise NPS from 30 to 45');
    expect(viewViolations(view)).toEqual([]);
  });

  it('should leave out the team select when there are no teams, and cap it at 100 options', () => {
    expect(inputIds(newObjectiveModal(EN, { teams: [] }))).not.toContain('team');
    const many = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, name: `Team ${'x'.repeat(i)}` }));
    const view = newObjectiveModal(EN, { teams: many });
    const team = view.blocks.find((b) => b.block_id === 'team') as { element: { options: unknown[] } };
    expect(team.element.options).toHaveLength(100);
    expect(viewViolations(view)).toEqual([]);
  });

  it('should prefill the title and speak Chinese', () => {
    const view = newObjectiveModal(ZH, { teams: TEAMS, initialTitle: '  提升客户满意度 ', privateMetadata: '{"channel":"C1"}' });
    expect(view.type === 'modal' && view.title.text).toBe('新建目标');
    expect(submission(view).title).toEqual({ title: { type: 'plain_text_input', value: '提升客户满意度' } });
    expect(view.private_metadata).toBe('{"channel":"C1"}');
    expect(allText(view)).toContain('例：NPS 从 30 提升到 45');
  });
});

describe('readNewObjectiveForm', () => {
  const view = newObjectiveModal(EN, { teams: TEAMS });

  it('should read a full form', () => {
    const values = submission(view, {
      title: '  Delight our customers ', level: 'team', team: '3', parent: 'O-12',
      kr_1: 'Raise NPS from 30 to 45', kr_3: 'Cut churn from 5% to 3%', kr_5: '上线新版官网',
    });
    expect(readNewObjectiveForm(values, 'en')).toEqual({
      ok: true,
      value: {
        title: 'Delight our customers', level: 'team', teamId: 3, parentRef: 12,
        keyResults: [
          { title: 'Raise NPS from 30 to 45', kind: 'increase', start: 30, target: 45 },
          { title: 'Cut churn from 5% to 3%', kind: 'decrease', start: 5, target: 3, unit: '%' },
          { title: '上线新版官网', kind: 'milestone', start: 0, target: 1 },
        ],
      },
    });
  });

  it('should read a title-only form with nothing optional set', () => {
    expect(readNewObjectiveForm(submission(view, { title: 'Ship it' }), 'en')).toEqual({ ok: true, value: { title: 'Ship it', keyResults: [] } });
  });

  it('should work without the team block and with an absent locale', () => {
    const noTeams = newObjectiveModal(EN, { teams: [] });
    expect(readNewObjectiveForm(submission(noTeams, { title: 'Ship it', parent: 'O-3' }))).toEqual({
      ok: true, value: { title: 'Ship it', parentRef: 3, keyResults: [] },
    });
  });

  it('should reject an empty title in both languages', () => {
    expect(readNewObjectiveForm(submission(view, { title: '   ' }), 'en')).toEqual({ ok: false, errors: { title: 'Give the objective a title.' } });
    expect(readNewObjectiveForm(submission(view, { title: '' }), 'zh-CN')).toEqual({ ok: false, errors: { title: '请填写目标标题。' } });
  });

  it('should reject a title over 200 characters, counting code points', () => {
    const r = readNewObjectiveForm(submission(view, { title: '🎉'.repeat(201) }), 'en');
    expect(r).toEqual({ ok: false, errors: { title: 'The title can be at most 200 characters; this one has 201.' } });
    expect(readNewObjectiveForm(submission(view, { title: '🎉'.repeat(200) }), 'en').ok).toBe(true);
    const zh = readNewObjectiveForm(submission(view, { title: '目'.repeat(250) }), 'zh-CN');
    expect(zh).toEqual({ ok: false, errors: { title: '标题最多 200 个字符，这个有 250 个。' } });
  });

  it('should reject a key result that is too long, keyed by its block', () => {
    const r = readNewObjectiveForm(submission(view, { title: 'Ship it', kr_2: 'x'.repeat(201) }), 'en');
    expect(r).toEqual({ ok: false, errors: { kr_2: 'A key result can be at most 200 characters; this one has 201.' } });
  });

  it('should report every bad field at once', () => {
    const r = readNewObjectiveForm(submission(view, { title: '', level: 'galaxy', team: 'abc', parent: 'KR-3', kr_4: 'y'.repeat(300) }), 'zh-CN');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['kr_4', 'level', 'parent', 'team', 'title']);
    expect(r.errors.parent).toBe('请从列表中选择目标。');
    expect(r.errors.level).toBe('请选择公司、团队或个人。');
    expect(r.errors.team).toBe('请从列表中选择团队。');
  });

  it('should only use block ids the modal has', () => {
    expect(Object.values(NEW_OBJECTIVE_BLOCK).flat().sort()).toEqual([...inputIds(view)].sort());
  });
});
