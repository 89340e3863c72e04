import type { Locale } from '../../../src/domain/member';
import { createTranslator, interpolate, translate } from '../../../src/i18n/translate';

describe('translate', () => {
  it('should fill in placeholders', () => {
    expect(translate('en', 'error.not_found', { what: 'KR-99' })).toBe('I can’t find KR-99.');
    expect(translate('zh-CN', 'error.not_found', { what: 'KR-99' })).toBe('找不到 KR-99。');
    expect(translate('en', 'error.too_many_key_results', { ref: 'O-7', max: 10 })).toContain('10 key results');
  });

  it('should leave a placeholder visible when its value is missing', () => {
    expect(translate('en', 'error.not_found')).toBe('I can’t find {what}.');
    expect(translate('en', 'error.not_found', { other: 1 })).toBe('I can’t find {what}.');
  });

  it('should fall back to English for an unknown locale', () => {
    expect(translate('fr' as Locale, 'usage.update')).toBe(translate('en', 'usage.update'));
  });

  it('should bind a locale with createTranslator', () => {
    const t = createTranslator('zh-CN');
    expect(t('confidence.at_risk')).toBe('有风险');
    expect(t('lag.no_check_in', { days: 16 })).toBe('已 16 天没有签到');
  });

  it('should not treat $-patterns in values specially', () => {
    expect(interpolate('{a} and {b}', { a: '$&', b: '$1' })).toBe('$& and $1');
  });
});
