import { backfillContactKeys } from '../../db/writes/contact-keys';
import { buildUser } from '../support/factories';
import { createTestDb, type TestDb } from '../support/test-db';

jest.setTimeout(180_000);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb?.close());

describe('backfillContactKeys', () => {
  it('writes the keys of leads and buyers saved without them, once, and leaves updatedAt alone', async () => {
    const { db } = testDb;
    const owner = await buildUser(db);
    const lead = await db.lead.create({ data: { sellerName: 'Pat Old', street: '12 North Elm Street, Apt. 3', city: 'Dayton', state: 'OH', zip: '45402-1234', ownerId: owner.id } });
    const keyed = await db.lead.create({ data: { sellerName: 'Kept', street: '1 Oak St', city: 'Dayton', state: 'OH', zip: '45402', ownerId: owner.id, addressKey: 'kept|45402' } });
    const byEmail = await db.buyer.create({ data: { name: 'Dana', email: 'Dana@Example.com', phone: '937-555-0101' } });
    const byPhone = await db.buyer.create({ data: { name: 'Lee', phone: '+1 (937) 555-0199' } });
    const nothing = await db.buyer.create({ data: { name: 'Nobody' } });

    expect(await backfillContactKeys(db)).toEqual({ leads: 1, buyers: 2 });

    const after = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(after.addressKey).toBe('12 n elm st #3|45402');
    expect(after.updatedAt).toEqual(lead.updatedAt);
    expect((await db.lead.findUniqueOrThrow({ where: { id: keyed.id } })).addressKey).toBe('kept|45402');
    expect((await db.buyer.findUniqueOrThrow({ where: { id: byEmail.id } })).contactKey).toBe('email:dana@example.com');
    expect((await db.buyer.findUniqueOrThrow({ where: { id: byPhone.id } })).contactKey).toBe('phone:9375550199');
    expect((await db.buyer.findUniqueOrThrow({ where: { id: nothing.id } })).contactKey).toBeNull();
    expect(await backfillContactKeys(db)).toEqual({ leads: 0, buyers: 0 });
  });
});
