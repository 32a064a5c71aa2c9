import { canSeeEvent } from '../../domain/events/event-name';

jest.setTimeout(180_000);

describe('canSeeEvent', () => {
  it.each([
    [null, 'u1', true],
    ['u1', 'u1', true],
    ['u2', 'u1', false],
  ])('audience %p, viewer %s: %s', (audienceUserId, viewer, visible) => {
    expect(canSeeEvent({ audienceUserId }, viewer)).toBe(visible);
  });

  it.each([
    ['ADMIN', 'u2', true],
    ['SUPERVISOR', 'u2', true],
    ['AGENT', 'u2', false],
    ['ACQUISITIONS', 'u2', false],
    ['AGENT', 'u1', true],
    [undefined, 'u2', false],
  ] as const)('an import\'s progress for its importer u1 reaches a %s viewer %s: %s', (role, viewer, visible) => {
    expect(canSeeEvent({ audienceUserId: 'u1', entityType: 'import' }, viewer, role)).toBe(visible);
  });

  it.each(['ADMIN', 'SUPERVISOR'] as const)('a notification to someone else never reaches a %s', (role) => {
    expect(canSeeEvent({ audienceUserId: 'u1', entityType: 'notification' }, 'u2', role)).toBe(false);
    expect(canSeeEvent({ audienceUserId: 'u1', entityType: 'session' }, 'u2', role)).toBe(false);
  });
});

describe('canSeeEvent for a document', () => {
  // Uploaded by agent `up` on a record owned by agent `own`.
  const documentEvent = (entity: Record<string, unknown>) => ({ audienceUserId: null, entityType: 'document', payload: JSON.stringify({ id: 'd1', fileName: 'psa.pdf', kind: 'PURCHASE_CONTRACT', ...entity }) });
  const written = documentEvent({ uploadedById: 'up', recordOwnerId: 'own' });

  it.each([
    ['AGENT', 'own', true],
    ['AGENT', 'up', true],
    ['AGENT', 'other', false],
    ['ACQUISITIONS', 'other', true],
    ['SUPERVISOR', 'other', true],
    ['ADMIN', 'other', true],
    [undefined, 'own', true],
    [undefined, 'other', false],
  ] as const)('reaches a %s viewer %s as the document list would: %s', (role, viewer, visible) => {
    expect(canSeeEvent(written, viewer, role)).toBe(visible);
  });

  it.each([
    ['AGENT', 'up', false],
    ['AGENT', 'other', false],
    ['ACQUISITIONS', 'other', true],
    ['SUPERVISOR', 'other', true],
    ['ADMIN', 'other', true],
  ] as const)('written before events carried the record owner, reaches only those who see every document: %s %s %s', (role, viewer, visible) => {
    expect(canSeeEvent(documentEvent({ uploadedById: 'up' }), viewer, role)).toBe(visible);
    expect(canSeeEvent({ audienceUserId: null, entityType: 'document' }, viewer, role)).toBe(visible);
    expect(canSeeEvent({ audienceUserId: null, entityType: 'document', payload: 'not json' }, viewer, role)).toBe(visible);
  });

  it('on a record nobody owns reaches its uploader and not another agent', () => {
    const unowned = documentEvent({ uploadedById: 'up', recordOwnerId: null });
    expect(canSeeEvent(unowned, 'up', 'AGENT')).toBe(true);
    expect(canSeeEvent(unowned, 'other', 'AGENT')).toBe(false);
  });

  it('decides each event by its own payload, one after another as the stream asks', () => {
    const mine = documentEvent({ uploadedById: 'other', recordOwnerId: 'own' });
    expect([written, mine, written, mine].map((event) => canSeeEvent(event, 'other', 'AGENT'))).toEqual([false, true, false, true]);
  });
});
