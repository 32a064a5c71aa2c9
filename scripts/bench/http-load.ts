import autocannon from 'autocannon';
import { figuresOf, type Figures } from './stats';

/** Latencies of GET `path` under `connections` concurrent clients for `seconds` (autocannon), every response timed; also appended to `into` when given. */
export async function loadTest(url: string, path: string, cookie: string, options: { connections: number; seconds: number }, into?: number[]): Promise<Figures & { errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url: `${url}${path}`, connections: options.connections, duration: options.seconds, headers: { cookie } }, (error) => (error ? reject(error) : resolve()));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors += 1;
      latencies.push(responseTime);
    });
  });
  into?.push(...latencies);
  return { ...figuresOf(latencies), errors };
}
