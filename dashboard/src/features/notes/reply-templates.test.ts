import {
  addTemplate,
  insertPhrase,
  loadTemplates,
  removeTemplate,
  saveTemplates,
  templatesKey,
} from './reply-templates';

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    store,
  };
}

describe('reply templates', () => {
  it('starts from the defaults and keeps each user’s own list', () => {
    const storage = memoryStorage();
    expect(loadTemplates(storage, 'u1', ['已到场'])).toEqual(['已到场']);
    saveTemplates(storage, 'u1', ['甲', '乙']);
    expect(loadTemplates(storage, 'u1', ['已到场'])).toEqual(['甲', '乙']);
    expect(loadTemplates(storage, 'u2', ['已到场'])).toEqual(['已到场']);
    expect(storage.store.has(templatesKey('u1'))).toBe(true);
  });

  it('survives a corrupt entry', () => {
    const storage = memoryStorage();
    storage.setItem(templatesKey('u1'), '{not json');
    expect(loadTemplates(storage, 'u1', ['默认'])).toEqual(['默认']);
  });

  it('adds trimmed phrases once and removes them', () => {
    const list = addTemplate(['甲'], '  乙 ');
    expect(list).toEqual(['甲', '乙']);
    expect(addTemplate(list, '乙')).toEqual(['甲', '乙']);
    expect(addTemplate(list, '   ')).toEqual(['甲', '乙']);
    expect(removeTemplate(list, '甲')).toEqual(['乙']);
  });

  it('inserts a phrase after the text with a separator unless the text ends a clause', () => {
    expect(insertPhrase('', '已到场')).toBe('已到场');
    expect(insertPhrase('现场查看', '已到场')).toBe('现场查看，已到场');
    expect(insertPhrase('现场查看。', '已到场')).toBe('现场查看。已到场');
    expect(insertPhrase('Checked', 'on site', '; ')).toBe('Checked; on site');
  });
});
