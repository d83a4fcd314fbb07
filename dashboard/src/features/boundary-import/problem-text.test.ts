import i18n from 'i18next';
import { BOUNDARY_PROBLEM_CODES, type BoundaryProblem } from '@whistle/shared';
import { problemText } from './problem-text';

const t = () => i18n.t.bind(i18n);

const problem = (p: Pick<BoundaryProblem, 'code' | 'params'> & { message?: string }): BoundaryProblem =>
  ({
    kind: 'invalid_geometry',
    layer: 'grids',
    codes: [],
    message: 'the server says so',
    ...p,
  }) as BoundaryProblem;

describe('boundary problems in the UI language', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('says each problem in Chinese, naming layers and rings as the desk does', () => {
    expect(
      problemText(
        t(),
        problem({ code: 'overlap', params: { feature: 'G1', other: 'G2', areaM2: 9, lng: 118.7, lat: 32 } }),
      ),
    ).toBe('G1 与 G2 重叠，位置约 (118.7, 32)');
    expect(problemText(t(), problem({ code: 'layer_not_collection', params: { layer: 'streets' } }))).toBe(
      '街道边界文件不是 GeoJSON FeatureCollection',
    );
    expect(problemText(t(), problem({ code: 'ring_not_closed', params: { feature: 'G1', ring: 0 } }))).toBe(
      'G1：环 0 未闭合（首尾坐标不同）',
    );
    expect(
      problemText(
        t(),
        problem({ code: 'ring_too_short', params: { feature: 'S1', polygon: 1, ring: 0, positions: 3 } }),
      ),
    ).toBe('S1：多边形 1 的环 0 只有 3 个坐标点，至少需要 4 个');
  });

  it('follows the language, and shows the server message for a code it does not know', async () => {
    await i18n.changeLanguage('en');
    expect(
      problemText(
        t(),
        problem({
          code: 'outside_parent',
          params: { feature: 'G1', parent: 'C1', areaM2: 5, lng: 1, lat: 2 },
        }),
      ),
    ).toBe('G1 reaches outside C1 around (1, 2)');
    const newer = { code: 'brand_new', params: {}, message: 'a newer server knows this' } as unknown as Pick<
      BoundaryProblem,
      'code' | 'params'
    > & { message: string };
    expect(problemText(t(), problem(newer))).toBe('a newer server knows this');
  });

  it('has words for every code in both languages', async () => {
    for (const language of ['zh-CN', 'en']) {
      await i18n.changeLanguage(language);
      for (const code of BOUNDARY_PROBLEM_CODES) {
        expect(
          i18n.exists(`adminImports.boundaries.messages.${code}`, { lng: language, fallbackLng: [] }),
        ).toBe(true);
      }
    }
  });
});
