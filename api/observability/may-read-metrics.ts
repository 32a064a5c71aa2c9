const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read `/metrics`: with a token configured, whoever sends `Authorization: Bearer <token>`
 * (compared in constant time); without one, a client on this machine that came straight in (no
 * `X-Forwarded-For` / `Forwarded`: a proxy in front would otherwise make every visitor local).
 */
export function mayReadMetrics(
  request: { token?: string | undefined; authorization?: string | undefined; remoteAddress?: string | undefined; forwarded?: string | undefined },
  equal: (a: Buffer, b: Buffer) => boolean,
): 'ok' | 'no-token' | 'not-local' {
  if (request.token !== undefined) {
    const sent = Buffer.from(/^Bearer (\S+)$/i.exec(request.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(request.token);
    return sent.length === expected.length && equal(sent, expected) ? 'ok' : 'no-token';
  }
  return LOOPBACK.test(request.remoteAddress ?? '') && request.forwarded === undefined ? 'ok' : 'not-local';
}
