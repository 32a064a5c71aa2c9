import { createSubmissionKey } from '../../web/src/lib/submission-key';

jest.setTimeout(180_000);

describe('createSubmissionKey', () => {
  const setup = () => {
    let made = 0;
    const submission = createSubmissionKey(() => `key-${++made}`);
    const sent: string[] = [];
    const send = (values: unknown, fail = false) =>
      submission.send(values, (key) => {
        sent.push(key);
        return fail ? Promise.reject(new Error('Cannot reach the server')) : Promise.resolve(key);
      });
    return { send, sent };
  };

  it('sends the same values again after a failure under the same key', async () => {
    const { send, sent } = setup();
    await expect(send({ sellerName: 'Maria' }, true)).rejects.toThrow('Cannot reach the server');
    await send({ sellerName: 'Maria' });
    expect(sent).toEqual(['key-1', 'key-1']);
  });

  it('gives the next submission a new key after a success, and changed values a new key after a failure', async () => {
    const { send, sent } = setup();
    await send({ sellerName: 'Maria' });
    await send({ sellerName: 'Maria' });
    await expect(send({ sellerName: 'Ana' }, true)).rejects.toThrow();
    await send({ sellerName: 'Anna' });
    expect(sent).toEqual(['key-1', 'key-2', 'key-3', 'key-4']);
  });

  it('makes UUIDs by default', async () => {
    const key = await createSubmissionKey().send({}, (idempotencyKey) => Promise.resolve(idempotencyKey));
    expect(key).toMatch(/^[0-9a-f-]{32,36}$/);
  });
});
