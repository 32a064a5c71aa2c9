import { z } from 'zod';
import { deadlineEnvFields, parseEnv, portSchema, sharedEnvFields } from '../../domain/config/env-fields';

const schema = z.object({ ...sharedEnvFields, ...deadlineEnvFields, PORT: portSchema.default(3000) });

describe('parseEnv', () => {
  it('applies the defaults', () => {
    expect(parseEnv(schema, {})).toMatchObject({
      DATA_DIR: './data',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      DEADLINE_CONTACT: 3_600_000,
      DEADLINE_FOLLOW_UP: 259_200_000,
      PORT: 3000,
    });
  });

  it('reads overrides', () => {
    expect(parseEnv(schema, { DEADLINE_CONTACT: '5s', PORT: '4000' })).toMatchObject({ DEADLINE_CONTACT: 5_000, PORT: 4000 });
  });

  it('names every bad variable', () => {
    const parse = () => parseEnv(schema, { DEADLINE_CONTACT: 'soon', PORT: 'abc', TEMPORAL_ADDRESS: 'nowhere' });
    expect(parse).toThrow('DEADLINE_CONTACT="soon": must be a duration like 1h, 3d, 30m or 5s');
    expect(parse).toThrow('TEMPORAL_ADDRESS="nowhere": must be host:port');
    expect(parse).toThrow('PORT="abc": must be a port number');
  });
});
