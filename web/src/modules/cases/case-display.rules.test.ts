import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../../shared/src/cases/cases.contract.ts';
import { formDefinitionSchema } from '../../../../shared/src/forms/index.ts';
import {
  answerRows,
  awaitingAutomation,
  caseDocuments,
  chronological,
  deadlineTone,
  hasQueueFilters,
  loginNeed,
  onlineRequestPath,
  outcomesFor,
  queueFiltersOf,
  queueQueryString,
  sitePath,
  splitByOpen,
  staffDownloadUrl,
  staffSteps,
  statusStepNeeds,
  statusTone,
  timelineKind,
} from './case-display.rules.ts';

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  id: '1',
  type: 'submitted',
  at: '2026-03-02T09:00:00.000Z',
  visibility: 'resident',
  actor: { kind: 'resident', name: null },
  ...overrides,
});

const document = { id: 'd1', title: 'Attest', fileName: 'attest.pdf', downloadUrl: '/api/documents/d1', verificationCode: '7KQM-2HX4-RN8D-3PWC' };

describe('statusTone and deadlineTone', () => {
  it('colours only what needs attention, and says it in words too', () => {
    expect(statusTone('received')).toBe('neutral');
    expect(statusTone('waiting-for-resident')).toBe('warning');
    expect(statusTone('closed')).toBe('success');
    expect(statusTone('rejected')).toBe('danger');
    expect(deadlineTone('overdue')).toBe('danger');
    expect(deadlineTone('due-soon')).toBe('warning');
    expect(deadlineTone('on-track')).toBeNull();
    expect(deadlineTone('done')).toBeNull();
  });
});

describe('splitByOpen', () => {
  it('keeps the server order in each list', () => {
    const items = [
      { id: 'a', open: true },
      { id: 'b', open: false },
      { id: 'c', open: true },
    ];
    expect(splitByOpen(items)).toEqual({ open: [items[0], items[2]], closed: [items[1]] });
  });
});

describe('the timeline', () => {
  it('tells messages, replies and internal notes apart from steps', () => {
    expect(timelineKind({ type: 'message' })).toBe('city-message');
    expect(timelineKind({ type: 'resident-message' })).toBe('requester-message');
    expect(timelineKind({ type: 'note' })).toBe('note');
    expect(timelineKind({ type: 'hand-over' })).toBe('step');
  });

  it('reads oldest first, keeping the order of entries at the same moment', () => {
    const a = entry({ id: 'a', at: '2026-03-02T10:00:00.000Z' });
    const b = entry({ id: 'b', at: '2026-03-02T09:00:00.000Z' });
    const c = entry({ id: 'c', at: '2026-03-02T10:00:00.000Z' });
    expect(chronological([a, b, c]).map((item) => item.id)).toEqual(['b', 'a', 'c']);
  });

  it('finds the issued documents', () => {
    expect(caseDocuments([entry({}), entry({ type: 'document', document })])).toEqual([document]);
  });
});

describe('awaitingAutomation', () => {
  const received = { status: 'received' as const, timeline: [entry({})] };
  it('waits for a certificate that is still received without a document', () => {
    expect(awaitingAutomation(received, 'certificate')).toBe(true);
  });
  it('stops at the document, at a failure or once a person took it', () => {
    expect(awaitingAutomation({ status: 'closed', timeline: [entry({ type: 'document', document })] }, 'certificate')).toBe(false);
    expect(awaitingAutomation({ ...received, timeline: [entry({ type: 'automation-failed' })] }, 'certificate')).toBe(false);
    expect(awaitingAutomation({ ...received, status: 'in-progress' }, 'certificate')).toBe(false);
  });
  it('never waits for other families', () => {
    expect(awaitingAutomation(received, 'general')).toBe(false);
  });
});

describe('loginNeed', () => {
  it('asks a visitor to log in, an e-mail login to use eID for a certificate, and sends staff to the workspace', () => {
    expect(loginNeed('requests:create-basic', { actor: { kind: 'anonymous' }, permissions: [] })).toBe('login');
    expect(loginNeed('requests:create', { actor: { kind: 'resident' }, permissions: ['self:read', 'requests:create-basic'] })).toBe('stronger-login');
    expect(loginNeed('requests:create-basic', { actor: { kind: 'resident' }, permissions: ['self:read', 'requests:create-basic'] })).toBe('none');
    expect(loginNeed('requests:create', { actor: { kind: 'resident' }, permissions: ['requests:create-basic', 'requests:create'] })).toBe('none');
    expect(loginNeed('requests:create', { actor: { kind: 'staff' }, permissions: ['workspace:use'] })).toBe('not-a-resident');
  });
});

describe('onlineRequestPath', () => {
  const online = { available: true };
  it('offers the form only for a product the catalogue offers online', () => {
    expect(onlineRequestPath({ slug: 'attest-woonst', channels: { online } }, true)).toBe('/aanvragen/attest-woonst');
    expect(onlineRequestPath({ slug: 'reispas', channels: { online: { available: false } } }, true)).toBeNull();
    expect(onlineRequestPath({ slug: 'reispas', channels: {} }, true)).toBeNull();
    expect(onlineRequestPath({ slug: 'attest-woonst', channels: { online } }, false)).toBeNull();
  });
  it('sends the general question to its own page', () => {
    expect(onlineRequestPath({ slug: 'vraag', channels: { online } }, true)).toBe('/vraag');
  });
});

describe('answerRows', () => {
  const definition = formDefinitionSchema.parse({
    product: 'test',
    version: 1,
    title: { nl: 'Test' },
    fields: [
      {
        id: 'purpose',
        type: 'choice',
        label: { nl: 'Waarvoor?', en: 'What for?' },
        options: [
          { value: 'school', label: { nl: 'School', en: 'School' } },
          { value: 'work', label: { nl: 'Werk', en: 'Work' } },
        ],
      },
      { id: 'urgent', type: 'yes-no', label: { nl: 'Dringend?' } },
      { id: 'where', type: 'address', label: { nl: 'Waar?' } },
      {
        id: 'persons',
        type: 'group',
        label: { nl: 'Personen' },
        itemLabel: { nl: 'Persoon {n}' },
        fields: [{ id: 'name', type: 'text', label: { nl: 'Naam' } }],
      },
    ],
  });
  const words = { yes: 'Ja', no: 'Nee', box: 'bus', item: (n: number) => `Deel ${n}` };

  it('labels answers with the questions, choices with their labels, in form order', () => {
    const rows = answerRows(
      definition,
      { urgent: false, purpose: 'work', where: { street: 'Marktstraat', number: '1', box: 'A', postcode: '8530' }, persons: [{ name: 'An' }, { name: 'Bo' }] },
      'nl',
      words,
    );
    expect(rows).toEqual([
      { id: 'purpose', label: 'Waarvoor?', kind: 'text', text: 'Werk' },
      { id: 'urgent', label: 'Dringend?', kind: 'text', text: 'Nee' },
      { id: 'where', label: 'Waar?', kind: 'text', text: 'Marktstraat 1 bus A, 8530' },
      {
        id: 'persons',
        label: 'Personen',
        kind: 'items',
        items: [
          { label: 'Persoon 1', rows: [{ id: 'persons.0.name', label: 'Naam', kind: 'text', text: 'An' }] },
          { label: 'Persoon 2', rows: [{ id: 'persons.1.name', label: 'Naam', kind: 'text', text: 'Bo' }] },
        ],
      },
    ]);
  });

  it('uses the reader language and keeps answers the form no longer knows', () => {
    const rows = answerRows(definition, { purpose: 'school', retired: 'oud antwoord' }, 'en', words);
    expect(rows).toEqual([
      { id: 'purpose', label: 'What for?', kind: 'text', text: 'School' },
      { id: 'retired', label: 'retired', kind: 'text', text: 'oud antwoord' },
    ]);
  });
});

describe('status steps', () => {
  it('says what each step needs', () => {
    expect(statusStepNeeds('decide')).toEqual({ outcome: true, reason: false, partner: false });
    expect(statusStepNeeds('reject')).toEqual({ outcome: false, reason: true, partner: false });
    expect(statusStepNeeds('request-advice')).toEqual({ outcome: false, reason: false, partner: true });
    expect(statusStepNeeds('start')).toEqual({ outcome: false, reason: false, partner: false });
  });

  it('offers the outcomes of the family and only steps the form can send', () => {
    expect(outcomesFor('general')).toEqual(['answered', 'referred']);
    expect(staffSteps(['start', 'automation-failed', 'reject'])).toEqual(['start', 'reject']);
  });
});

describe('queue filters in the address', () => {
  it('reads known values and ignores the rest', () => {
    const filters = queueFiltersOf(new URLSearchParams('status=received&due=overdue&channel=nope&product=Bad Slug&subMunicipality=%20Hulste%20&page=3'));
    expect(filters).toEqual({
      product: undefined,
      status: 'received',
      due: 'overdue',
      channel: undefined,
      subMunicipality: 'Hulste',
      assignee: undefined,
      page: 3,
    });
    expect(hasQueueFilters(filters)).toBe(true);
    expect(hasQueueFilters(queueFiltersOf(new URLSearchParams('page=2')))).toBe(false);
  });

  it('writes only what is set, with the language', () => {
    expect(queueQueryString(queueFiltersOf(new URLSearchParams('assignee=none&page=1')), 'fr')).toBe('assignee=none&lang=fr');
  });
});

describe('addresses', () => {
  it('keeps only the path of a follow link the server wrote with its public URL', () => {
    expect(sitePath('https://eloket.harelbeke.be/vragen/abc_DEF-1')).toBe('/vragen/abc_DEF-1');
    expect(sitePath('/mijn-dossiers/HB-2026-000001')).toBe('/mijn-dossiers/HB-2026-000001');
  });

  it('sends staff downloads through the workspace route', () => {
    expect(staffDownloadUrl('/api/documents/d1')).toBe('/api/work/documents/d1');
    expect(staffDownloadUrl('/elsewhere/d1')).toBe('/elsewhere/d1');
  });
});
