import { requestPageDataEarly } from './features/shell/request-page-data-early';
import { loadPageCode } from './page-code';

loadPageCode(window.location.pathname);
requestPageDataEarly(window.location);
