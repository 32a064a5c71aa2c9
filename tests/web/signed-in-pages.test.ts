import { signedInPageAt } from '../../web/src/signed-in-pages';

describe('the page whose code loads with its data', () => {
  it.each([
    ['/', '/'],
    ['/leads', '/leads'],
    ['/leads/', '/leads'],
    ['/leads/board', '/leads/board'],
    ['/leads/cl123', '/leads/:id'],
    ['/buyers/b1', '/buyers/:id'],
    ['/tasks/new', '/tasks/new'],
    ['/tasks/calendar', '/tasks/calendar'],
    ['/tasks/t9', '/tasks/:id'],
    ['/analytics', '/analytics'],
  ])('%s is the page at %s', (pathname, route) => {
    expect(signedInPageAt(pathname)?.path).toBe(route);
  });

  it.each(['/login', '/invite/abc', '/no-such-page', '/leads/cl123/documents'])('%s has none', (pathname) => {
    expect(signedInPageAt(pathname)).toBeUndefined();
  });
});
