import { describe, expect, it } from 'vitest';
import { channelOrder, formatEuro, orderedChannels, pickInOrder, unavailableChannels } from './catalog-display.rules.ts';

describe('orderedChannels', () => {
  it('lists available channels click, call, face, home, partner, whatever the object order', () => {
    const channels = {
      partner: { available: true },
      home: { available: true },
      quickDesk: { available: true },
      phone: { available: false },
      online: { available: true },
    };
    expect(orderedChannels(channels).map((entry) => entry.id)).toEqual(['online', 'quickDesk', 'home', 'partner']);
  });

  it('names every channel once', () => {
    expect(new Set(channelOrder).size).toBe(7);
  });
});

describe('unavailableChannels', () => {
  it('lists the channels that do not serve the product, in the same order, with their explanation', () => {
    const channels = {
      counter: { available: false, conditions: 'Alleen online.' },
      online: { available: false, conditions: 'Niet online: u komt langs voor uw vingerafdrukken.' },
      quickDesk: { available: true },
    };
    expect(unavailableChannels(channels)).toEqual([
      { id: 'online', channel: { available: false, conditions: 'Niet online: u komt langs voor uw vingerafdrukken.' } },
      { id: 'counter', channel: { available: false, conditions: 'Alleen online.' } },
    ]);
  });
});

describe('pickInOrder', () => {
  it('keeps the order asked for and skips what is missing', () => {
    const items = [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }];
    expect(pickInOrder(items, ['c', 'x', 'a'])).toEqual([{ slug: 'c' }, { slug: 'a' }]);
  });
});

describe('formatEuro', () => {
  it.each([
    ['nl', 25, /^€\s?25,00$/],
    ['fr', 25, /^25,00\s?€$/],
    ['en', 7.5, /^€7\.50$/],
  ] as const)('%s: %d', (language, amount, pattern) => {
    expect(formatEuro(amount, language).replace(/\u00a0|\u202f/g, ' ')).toMatch(pattern);
  });
});
