import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseChannels, productFamilies } from './case.schema.ts';
import { type RoutingInput, type RoutingTableInput, route, routingSpecificity, routingTableSchema, validateRoutingTable } from './case-routing.rules.ts';

const table = routingTableSchema.parse({
  defaultTeam: 'onthaal',
  rules: [
    { id: 'vragen-contactcenter', product: 'vraag', team: 'contactcenter' },
    { id: 'vragen-aan-de-balie', product: 'vraag', channel: 'counter', team: 'onthaal' },
    { id: 'meldingen', family: 'report', team: 'openbaar-domein' },
    { id: 'meldingen-hulste', family: 'report', subMunicipality: 'Hulste', team: 'omgeving' },
    { id: 'evenementen-bavikhove-online', product: 'evenement', subMunicipality: 'Bavikhove', channel: 'online', team: 'communicatie' },
    { id: 'alles-via-partner', channel: 'partner', team: 'burgerzaken' },
  ],
} satisfies RoutingTableInput);

const input = (slug: string, family: RoutingInput['product']['family'], rest: Partial<RoutingInput> = {}): RoutingInput => ({
  product: { slug, family },
  channel: 'online',
  ...rest,
});

describe('route', () => {
  it.each([
    ['a question online goes to the contact centre', input('vraag', 'general'), 'contactcenter', 'vragen-contactcenter'],
    [
      'a question at the counter goes to reception (channel is more specific)',
      input('vraag', 'general', { channel: 'counter' }),
      'onthaal',
      'vragen-aan-de-balie',
    ],
    ['a report goes to public space', input('melding-openbaar-domein', 'report'), 'openbaar-domein', 'meldingen'],
    ['a report in Hulste goes to omgeving', input('melding-openbaar-domein', 'report', { subMunicipality: 'Hulste' }), 'omgeving', 'meldingen-hulste'],
    ['sub-municipality names match without case', input('melding-openbaar-domein', 'report', { subMunicipality: 'HULSTE' }), 'omgeving', 'meldingen-hulste'],
    ['an event in Bavikhove online', input('evenement', 'permit', { subMunicipality: 'Bavikhove' }), 'communicatie', 'evenementen-bavikhove-online'],
    ['a product rule beats a channel-only rule', input('vraag', 'general', { channel: 'partner' }), 'contactcenter', 'vragen-contactcenter'],
    [
      'a channel-only rule applies when nothing more specific does',
      input('attest-woonst', 'certificate', { channel: 'partner' }),
      'burgerzaken',
      'alles-via-partner',
    ],
  ])('%s', (_, routed, team, ruleId) => {
    expect(route(table, routed)).toMatchObject({ team, source: 'rule', rule: { id: ruleId } });
  });

  it('falls back to the product’s responsible team, then to the default team', () => {
    expect(route(table, { product: { slug: 'attest-woonst', family: 'certificate', responsibleTeam: 'burgerzaken' }, channel: 'online' })).toEqual({
      team: 'burgerzaken',
      source: 'responsible-team',
    });
    expect(route(table, input('attest-woonst', 'certificate'))).toEqual({ team: 'onthaal', source: 'default' });
  });

  it('does not apply a sub-municipality rule when the case has no address', () => {
    expect(route(table, input('melding-openbaar-domein', 'report')).rule?.id).toBe('meldingen');
  });

  it('ranks product over family over none, then place, then channel', () => {
    const rank = (rule: object) => routingSpecificity({ id: 'x', team: 't', ...rule });
    expect(rank({ product: 'p' })).toBeGreaterThan(rank({ family: 'report', subMunicipality: 'Hulste', channel: 'online' }));
    expect(rank({ family: 'report' })).toBeGreaterThan(rank({ subMunicipality: 'Hulste', channel: 'online' }));
    expect(rank({ subMunicipality: 'Hulste' })).toBeGreaterThan(rank({ channel: 'online' }));
  });
});

describe('routingTableSchema', () => {
  it('refuses two rules with the same conditions, even when the place is written differently', () => {
    const result = routingTableSchema.safeParse({
      defaultTeam: 'onthaal',
      rules: [
        { id: 'a', family: 'report', subMunicipality: 'Hulste', team: 'omgeving' },
        { id: 'b', family: 'report', subMunicipality: 'hulste', team: 'openbaar-domein' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('same conditions as rule 0 (a)');
  });

  it('refuses duplicate ids and a rule with both product and family', () => {
    expect(
      routingTableSchema.safeParse({
        defaultTeam: 'onthaal',
        rules: [
          { id: 'a', product: 'vraag', team: 'onthaal' },
          { id: 'a', product: 'klacht', team: 'onthaal' },
        ],
      }).success,
    ).toBe(false);
    expect(routingTableSchema.safeParse({ defaultTeam: 'onthaal', rules: [{ id: 'a', product: 'vraag', family: 'general', team: 'onthaal' }] }).success).toBe(
      false,
    );
  });
});

describe('validateRoutingTable', () => {
  it('names unknown teams, places and products', () => {
    const broken = routingTableSchema.parse({
      defaultTeam: 'balie',
      rules: [{ id: 'a', product: 'bestaat-niet', subMunicipality: 'Kortrijk', team: 'brandweer' }],
    });
    expect(validateRoutingTable(broken, { teamIds: ['onthaal'], subMunicipalities: ['Harelbeke', 'Bavikhove', 'Hulste'], productSlugs: ['vraag'] })).toEqual([
      { path: ['defaultTeam'], message: 'team balie is not in the city profile' },
      { path: ['rules', 0, 'team'], message: 'team brandweer is not in the city profile' },
      { path: ['rules', 0, 'subMunicipality'], message: 'Kortrijk is not a sub-municipality of the city' },
      { path: ['rules', 0, 'product'], message: 'product bestaat-niet is not in the catalogue' },
    ]);
  });
});

describe('every case gets exactly one team (property)', () => {
  const products = ['vraag', 'klacht', 'evenement', 'attest-woonst', 'melding-openbaar-domein'];
  const places = ['Harelbeke', 'Bavikhove', 'Hulste'];
  const ruleArbitrary = fc.record(
    {
      id: fc.uuid(),
      product: fc.constantFrom(...products),
      family: fc.constantFrom(...productFamilies),
      subMunicipality: fc.constantFrom(...places),
      channel: fc.constantFrom(...caseChannels),
      team: fc.constantFrom('onthaal', 'burgerzaken', 'omgeving'),
    },
    { requiredKeys: ['id', 'team'] },
  );
  // Random rule sets, with rules that would tie removed (the schema refuses those).
  const tableArbitrary = fc.array(ruleArbitrary, { maxLength: 25 }).map((rules) => {
    const seen = new Set<string>();
    const kept = rules
      .map((rule) => (rule.product !== undefined ? { ...rule, family: undefined } : rule))
      .map((rule, index) => ({ ...rule, id: `rule-${index}` }))
      .filter((rule) => {
        const key = JSON.stringify([rule.product, rule.family, rule.subMunicipality, rule.channel]);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    return routingTableSchema.parse({ defaultTeam: 'onthaal', rules: kept });
  });
  const inputArbitrary = fc.record({
    product: fc.record({ slug: fc.constantFrom(...products), family: fc.constantFrom(...productFamilies) }),
    subMunicipality: fc.option(fc.constantFrom(...places), { nil: undefined }),
    channel: fc.constantFrom(...caseChannels),
  });

  it('returns one team, from the single most specific matching rule or the default', () => {
    fc.assert(
      fc.property(tableArbitrary, inputArbitrary, (routingTable, routed) => {
        const decision = route(routingTable, routed);
        expect(decision.team.length).toBeGreaterThan(0);
        const matching = routingTable.rules.filter(
          (rule) =>
            (rule.product === undefined || rule.product === routed.product.slug) &&
            (rule.family === undefined || rule.family === routed.product.family) &&
            (rule.subMunicipality === undefined || rule.subMunicipality === routed.subMunicipality) &&
            (rule.channel === undefined || rule.channel === routed.channel),
        );
        if (matching.length === 0) {
          expect(decision).toEqual({ team: 'onthaal', source: 'default' });
          return;
        }
        const top = Math.max(...matching.map(routingSpecificity));
        const winners = matching.filter((rule) => routingSpecificity(rule) === top);
        expect(winners).toHaveLength(1);
        expect(decision.rule).toBe(winners[0]);
        expect(decision.team).toBe(winners[0]?.team);
      }),
    );
  });
});
