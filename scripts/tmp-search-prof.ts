import { openDb } from '../db/client';
import { searchRecords } from '../api/search/search-records';
import { searchQuerySchema } from '../domain/search/search.schema';

async function main() {
  const db = await openDb('/tmp/prof/v.db');
  const lead = (await db.lead.findFirst({ orderBy: { createdAt: 'desc' }, select: { sellerName: true, sellerPhone: true } }))!;
  const digits = (lead.sellerPhone ?? '5550100').replace(/\D/g, '').slice(-7);
  const user = { id: 'x', role: 'AGENT', name: 'a', email: 'a@x', active: true } as never;
  for (const q of [`${digits.slice(0, 3)}-${digits.slice(3)}`, lead.sellerName.slice(0, 4)]) {
    const query = searchQuerySchema.parse({ q });
    for (let i = 0; i < 30; i++) await searchRecords(db, user, query);
    const n = 300;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await searchRecords(db, user, query);
    const per = (performance.now() - t0) / n;
    const r = await searchRecords(db, user, query);
    console.log(JSON.stringify(q), per.toFixed(3), 'ms/search', r.items.length, 'items');
  }
  await db.$disconnect();
}
void main();
