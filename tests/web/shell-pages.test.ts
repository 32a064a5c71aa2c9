import { createKindFor, leadOnPage } from '../../web/src/features/shell/shell-pages';

jest.setTimeout(180_000);

describe('the pages the palette acts on', () => {
  it.each([
    ['/leads/cl123', 'cl123'],
    ['/leads/cl123/', 'cl123'],
    ['/leads/a%20b', 'a b'],
    ['/leads', undefined],
    ['/leads/board', undefined],
    ['/leads/cl123/documents', undefined],
    ['/queue', undefined],
    ['/buyers/b1', undefined],
  ])('"Log a call" on %s is about lead %s', (pathname, leadId) => {
    expect(leadOnPage(pathname)).toBe(leadId);
  });

  it.each([
    ['/buyers', 'buyer'],
    ['/tasks/calendar', 'task'],
    ['/leads/cl123', 'lead'],
  ])('c on %s creates a %s', (pathname, kind) => {
    expect(createKindFor(pathname)).toBe(kind);
  });
});
