import type { Db } from '../client';

type Item = { entityType: string; entityId: string };

/**
 * What each lead, buyer, task or offer is called (a lead by its seller, an offer by its lead's),
 * keyed `type:id`; a record that no longer exists is absent. Four reads at most, whatever the count.
 */
export async function loadItemTitles(db: Db, items: Item[]): Promise<Map<string, string>> {
  const ids = (type: string) => items.filter((item) => item.entityType === type).map((item) => item.entityId);
  const [leads, buyers, tasks, offers] = await Promise.all([
    ids('lead').length ? db.lead.findMany({ where: { id: { in: ids('lead') } }, select: { id: true, sellerName: true } }) : [],
    ids('buyer').length ? db.buyer.findMany({ where: { id: { in: ids('buyer') } }, select: { id: true, name: true } }) : [],
    ids('task').length ? db.task.findMany({ where: { id: { in: ids('task') } }, select: { id: true, title: true } }) : [],
    ids('offer').length ? db.offer.findMany({ where: { id: { in: ids('offer') } }, select: { id: true, lead: { select: { sellerName: true } } } }) : [],
  ]);
  return new Map([
    ...leads.map((lead): [string, string] => [`lead:${lead.id}`, lead.sellerName]),
    ...buyers.map((buyer): [string, string] => [`buyer:${buyer.id}`, buyer.name]),
    ...tasks.map((task): [string, string] => [`task:${task.id}`, task.title]),
    ...offers.map((offer): [string, string] => [`offer:${offer.id}`, `Offer on ${offer.lead.sellerName}`]),
  ]);
}
