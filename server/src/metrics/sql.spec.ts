import { rawSql, renderSql, sql } from './sql';

describe('sql template', () => {
  it('numbers values as parameters in order', () => {
    expect(renderSql(sql`SELECT * FROM t WHERE a = ${1} AND b = ${'x'}`)).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b = $2',
      params: [1, 'x'],
    });
  });

  it('splices nested fragments and keeps numbering across them', () => {
    const filter = sql`street_id = ${'s1'}`;
    const query = sql`SELECT ${rawSql('count(*)')} FROM t WHERE ${filter} AND at >= ${'2024-01-01'}`;
    expect(renderSql(query)).toEqual({
      text: 'SELECT count(*) FROM t WHERE street_id = $1 AND at >= $2',
      params: ['s1', '2024-01-01'],
    });
  });

  it('never puts a value into the text', () => {
    const evil = "'; DROP TABLE t; --";
    const { text, params } = renderSql(sql`SELECT ${evil}`);
    expect(text).toBe('SELECT $1');
    expect(params).toEqual([evil]);
  });
});
