import { nextSort, sortRows } from './sort';

const rows = [
  { name: '城管', score: 60, rate: 0.5 },
  { name: '消防', score: 90, rate: null },
  { name: '市场监管', score: 75, rate: 0.9 },
  { name: '供电', score: 60, rate: 0.1 },
];

describe('sortRows', () => {
  it('sorts numbers either way, ties keeping their order', () => {
    expect(sortRows(rows, (r) => r.score, 'desc').map((r) => r.name)).toEqual([
      '消防',
      '市场监管',
      '城管',
      '供电',
    ]);
    expect(sortRows(rows, (r) => r.score, 'asc').map((r) => r.name)).toEqual([
      '城管',
      '供电',
      '市场监管',
      '消防',
    ]);
  });

  it('puts missing values last in both directions', () => {
    expect(sortRows(rows, (r) => r.rate, 'desc').map((r) => r.name)).toEqual([
      '市场监管',
      '城管',
      '供电',
      '消防',
    ]);
    expect(sortRows(rows, (r) => r.rate, 'asc').map((r) => r.name)).toEqual([
      '供电',
      '城管',
      '市场监管',
      '消防',
    ]);
  });

  it('sorts names in the language’s order and does not touch the input', () => {
    const english = [{ n: 'b' }, { n: 'C' }, { n: 'a' }];
    expect(sortRows(english, (r) => r.n, 'asc', 'en').map((r) => r.n)).toEqual(['a', 'b', 'C']);
    expect(english.map((r) => r.n)).toEqual(['b', 'C', 'a']);
  });
});

describe('nextSort', () => {
  it('starts a new column in its natural direction and flips the same one', () => {
    const byScore = nextSort({ column: 'name', direction: 'asc' }, 'score', 'desc');
    expect(byScore).toEqual({ column: 'score', direction: 'desc' });
    expect(nextSort(byScore, 'score', 'desc')).toEqual({ column: 'score', direction: 'asc' });
  });
});
