import type { ParseErrorCode, Verb } from '../../../src/domain/command/command';
import { parseChatText } from '../../../src/domain/command/parse-command';
import { en } from '../../../src/i18n/en';
import { translate } from '../../../src/i18n/translate';
import { zhCN } from '../../../src/i18n/zh-CN';
import type { UseCaseError } from '../../../src/use-cases/outcome';

/** Every string leaf under its dotted path. */
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') return out.set(prefix, node);
  for (const [k, v] of Object.entries(node as object)) {
    for (const [path, text] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(path, text);
  }
  return out;
}
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

const EN = leaves(en);
const ZH = leaves(zhCN);

// The lists below must name every member of their union: the Record types make a missing one a compile error.
const VERB_CHECK: Record<Verb, true> = {
  home: true, help: true, list: true, show: true, new: true, kr_add: true, update: true, checkin: true, tree: true,
  team: true, lagging: true, comment: true, blocker: true, resolve: true, score: true, review: true, ooo: true,
  ooo_clear: true, snooze: true, edit: true, align: true, close: true, kpi_list: true, kpi_show: true, kpi_new: true,
  kpi_log: true, kpi_link: true, team_new: true, team_member: true, team_manager: true, team_set: true, team_settings: true,
  member_role: true, member_manager: true, holidays: true, holiday_add: true, holiday_remove: true, holiday_calendar: true,
  token_new: true, token_list: true, token_revoke: true,
};
const PARSE_ERROR_CHECK: Record<ParseErrorCode, true> = {
  empty: true, too_long: true, unknown_verb: true, missing_argument: true, bad_reference: true, bad_number: true,
  bad_date: true, bad_score: true, bad_option: true, bad_key: true, unterminated_quote: true, extra_argument: true,
};
const ERROR_CHECK: Record<UseCaseError['code'], true> = {
  not_found: true, ambiguous: true, forbidden: true, admin_only: true, no_active_cycle: true, unknown_cycle: true,
  unknown_member: true, unknown_team: true, closed: true, alignment_cycle: true, alignment_level: true, wrong_kind: true,
  value_needed: true, milestone_value: true, already_resolved: true, kpi_exists: true, invalid_kpi: true,
  bad_date_range: true, too_many_key_results: true, team_exists: true, no_team: true, last_admin: true, reporting_cycle: true,
  invalid_setting: true, invalid_holiday: true, token_exists: true,
};
const VERBS = Object.keys(VERB_CHECK) as Verb[];

describe('catalogs', () => {
  it('should have the same keys in English and Chinese', () => {
    expect([...ZH.keys()].sort()).toEqual([...EN.keys()].sort());
  });

  it('should have no empty strings', () => {
    for (const [key, text] of [...EN, ...ZH]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('should use the same placeholders in both languages for every key', () => {
    for (const [key, text] of EN) expect({ key, zh: placeholders(ZH.get(key) ?? '') }).toEqual({ key, zh: placeholders(text) });
  });

  it('should have a one-line usage for every verb', () => {
    for (const verb of VERBS) {
      for (const catalog of [EN, ZH]) {
        const line = catalog.get(`usage.${verb}`);
        expect({ verb, line: typeof line }).toEqual({ verb, line: 'string' });
        expect(line).not.toContain('\n');
      }
    }
    expect(Object.keys(en.usage).sort()).toEqual([...VERBS].sort());
  });

  it('should have a sentence for every parse error code and every use-case error code', () => {
    for (const code of Object.keys(PARSE_ERROR_CHECK)) {
      expect(EN.has(`parseError.${code}`)).toBe(true);
      expect(ZH.has(`parseError.${code}`)).toBe(true);
    }
    for (const code of Object.keys(ERROR_CHECK)) {
      expect(EN.has(`error.${code}`)).toBe(true);
      expect(ZH.has(`error.${code}`)).toBe(true);
    }
    expect(EN.get('parseError.didYouMean')).toContain('{suggestion}');
  });

  it('should give usage examples that parse to their own verb, in both languages', () => {
    for (const [name, catalog] of [['en', EN], ['zh-CN', ZH]] as const) {
      for (const verb of VERBS) {
        const line = catalog.get(`usage.${verb}`)!;
        const example = /(?:e\.g\.|例：)\s*(.+)$/u.exec(line)?.[1] ?? line.split(' — ')[0]!;
        const parsed = parseChatText(example);
        expect({ name, verb, example, parsed: parsed.ok ? parsed.value.verb : parsed.error }).toEqual({ name, verb, example, parsed: verb });
      }
    }
  });

  it('should list the console commands and offer the demo company', () => {
    for (const command of [':as <name>', ':help', ':quit', ':lang en|zh-CN', ':demo']) expect(en.console.help).toContain(command);
    expect(en.console.offerDemo).toBe(
      'The database is empty. Type :demo to load a demo company (3 teams, 12 people), or :as <name> to start from scratch.',
    );
    expect(translate('en', 'common.somethingWentWrong', { id: 'ab12cd34' })).toBe('Something went wrong (ab12cd34). Nothing was changed.');
  });

  it('should use the agreed Chinese words', () => {
    expect(zhCN.confidence).toEqual({ on_track: '正常', at_risk: '有风险', off_track: '延期' });
    expect(zhCN.refKind.key_result).toBe('关键结果');
    expect(zhCN.refKind.objective).toBe('目标');
    expect(zhCN.usage.update).toContain('更新 KR-12 45 有风险 等法务');
  });
});
