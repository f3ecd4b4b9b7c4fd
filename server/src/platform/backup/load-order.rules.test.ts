import { describe, expect, it } from 'vitest';
import { loadOrder } from './load-order.rules.ts';

describe('loadOrder', () => {
  const cases: { name: string; tables: string[]; references: [string, string][]; expected: string[] }[] = [
    { name: 'no references: by name', tables: ['c', 'a', 'b'], references: [], expected: ['a', 'b', 'c'] },
    { name: 'a referenced table comes first', tables: ['a_case', 'z_team'], references: [['a_case', 'z_team']], expected: ['z_team', 'a_case'] },
    {
      name: 'a chain',
      tables: ['note', 'case', 'resident'],
      references: [
        ['note', 'case'],
        ['case', 'resident'],
      ],
      expected: ['resident', 'case', 'note'],
    },
    { name: 'a self-reference does not block', tables: ['team'], references: [['team', 'team']], expected: ['team'] },
    { name: 'references to tables outside the list are ignored', tables: ['a'], references: [['a', 'pgboss.job']], expected: ['a'] },
    {
      name: 'a cycle goes last, by name',
      tables: ['x', 'b', 'a', 'free'],
      references: [
        ['a', 'b'],
        ['b', 'a'],
        ['x', 'a'],
      ],
      expected: ['free', 'a', 'b', 'x'],
    },
  ];
  it.each(cases)('$name', ({ tables, references, expected }) => {
    expect(loadOrder(tables, references)).toEqual(expected);
  });

  it('every referenced table precedes the tables that reference it', () => {
    const tables = ['h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'];
    const references: [string, string][] = [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'],
      ['e', 'a'],
      ['h', 'g'],
      ['g', 'f'],
    ];
    const order = loadOrder(tables, references);
    expect([...order].sort()).toEqual([...tables].sort());
    for (const [from, to] of references) expect(order.indexOf(to)).toBeLessThan(order.indexOf(from));
  });
});
