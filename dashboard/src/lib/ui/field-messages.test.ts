import i18n from '../../i18n';
import { localizeFieldMessage } from './field-messages';

describe('localizeFieldMessage', () => {
  afterEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('puts class-validator’s defaults into the desk’s words, with their numbers', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t.bind(i18n);
    expect(localizeFieldMessage(t, 'displayName should not be empty')).toBe('必填');
    expect(localizeFieldMessage(t, 'username must be longer than or equal to 3 characters')).toBe(
      '至少 3 个字符',
    );
    expect(localizeFieldMessage(t, 'note must be shorter than or equal to 500 characters')).toBe(
      '不能超过 500 个字符',
    );
    expect(localizeFieldMessage(t, 'property foo should not exist')).toBe('不是可提交的字段');
    expect(localizeFieldMessage(t, 'accept must not be less than 1')).toBe('不能小于 1');
    expect(localizeFieldMessage(t, 'is taken')).toBe('已被使用');
    expect(localizeFieldMessage(t, 'is already summoned by this whistle')).toBe('该哨已召集此部门');
  });

  it('keeps a message it does not know as the server wrote it', () => {
    const t = i18n.t.bind(i18n);
    expect(localizeFieldMessage(t, 'is required when passing a department’s work (1–5)')).toBe(
      'is required when passing a department’s work (1–5)',
    );
  });

  it('writes English in English', async () => {
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    expect(localizeFieldMessage(t, 'code should not be empty')).toBe('Required');
  });
});
