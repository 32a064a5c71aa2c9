import { api, requestEarly } from '../../lib/api-client';
import { getAppConfig } from '../../lib/use-app-config';
import { ME_PATH } from '../auth/use-me';
import { getBuyer, buyerListRequest, listBuyerMatches, listBuyers } from '../buyers/buyers.api';
import { DEFAULT_RANGE_DAYS, getDashboard, listRecentEvents } from '../dashboard/dashboard.api';
import { listDocuments } from '../documents/documents.api';
import { listDuplicates } from '../duplicates/duplicates.api';
import { listHistory } from '../history/history.api';
import { DEFAULT_LEAD_SORT, getLead, leadListRequest, listLeadMatches, listLeads, listSavedViews } from '../leads/leads.api';
import { listNotes } from '../notes/notes.api';
import { listNotifications } from '../notifications/use-notifications';
import { listOffers } from '../offers/offers.api';
import { getCallQueue } from '../queue/queue.api';
import { listTasks, queryTaskPage, taskListView } from '../tasks/tasks.api';
import { listUsers } from '../users/use-users';
import { listFavorites, listRecentItems } from './user-items.api';

// Pages outside the signed-in shell: nothing to send for.
const PUBLIC_PAGES = /^\/(login|invite|unsubscribe)(\/|$)/;

/** What a lead's or a buyer's page shows beside the record itself. */
function recordPanels(kind: 'lead' | 'buyer', id: string): void {
  const subject = kind === 'lead' ? { leadId: id } : { buyerId: id };
  void listDuplicates(kind, id);
  void listOffers(subject);
  void listTasks(subject);
  void listNotes(subject);
  void listDocuments(subject);
  void listHistory(kind, id);
  void listUsers();
}

/** The GETs the page at `pathname` sends when it first renders, by the API functions it calls. */
function sendPageData(pathname: string, params: URLSearchParams): void {
  const filtered = params.size > 0;
  const record = /^\/(leads|buyers)\/([^/]+)$/.exec(pathname);
  if (record && record[2] !== 'board') {
    const id = decodeURIComponent(record[2]!);
    if (record[1] === 'leads') {
      void getLead(id);
      void listLeadMatches(id);
      recordPanels('lead', id);
    } else {
      void getBuyer(id);
      void listBuyerMatches(id);
      recordPanels('buyer', id);
    }
    return;
  }
  switch (pathname) {
    case '/':
      if (!filtered) void getDashboard({ days: DEFAULT_RANGE_DAYS });
      void listRecentEvents();
      return;
    case '/leads':
      if (!filtered) void listLeads(leadListRequest({}, DEFAULT_LEAD_SORT));
      void listSavedViews('leads');
      return;
    case '/buyers':
      if (!filtered) void listBuyers(buyerListRequest({}));
      return;
    case '/tasks':
      void queryTaskPage(taskListView(params).request);
      void listUsers();
      return;
    case '/queue':
      void getCallQueue();
      return;
  }
}

/**
 * Sends the signed-in shell's GETs and those of the page being opened at once, while the app's
 * code still starts: without it they wait for the who-is-signed-in answer and then for the page
 * (a lead's panels for the lead), three round trips one after another. The page's first identical
 * GETs take these answers (api-client's requestEarly).
 */
export function requestPageDataEarly(location: Pick<Location, 'pathname' | 'search'>): void {
  if (PUBLIC_PAGES.test(location.pathname)) return;
  requestEarly(() => {
    void api.get(ME_PATH);
    void getAppConfig();
    void listFavorites();
    void listRecentItems();
    void listNotifications();
    sendPageData(location.pathname.replace(/\/+$/, '') || '/', new URLSearchParams(location.search));
  });
}
