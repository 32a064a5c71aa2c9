import autocannon from 'autocannon';
import { figuresOf, type Figures } from './stats';

/**
 * Latencies of GET `path` under `connections` concurrent clients for `seconds` (autocannon), every
 * response timed; also appended to `into` when given. Given several paths, each request asks for the next one.
 */
export async function loadTest(url: string, path: string | string[], cookie: string, options: { connections: number; seconds: number }, into?: number[]): Promise<Figures & { errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const paths = typeof path === 'string' ? [path] : path;
  let next = 0;
  const rotate = paths.length > 1 ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length]! }) }] } : {};
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url: `${url}${paths[0]!}`, connections: options.connections, duration: options.seconds, headers: { cookie }, ...rotate }, (error) => (error ? reject(error) : resolve()));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors += 1;
      latencies.push(responseTime);
    });
  });
  into?.push(...latencies);
  return { ...figuresOf(latencies), errors };
}
