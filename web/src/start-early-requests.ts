import { requestPageDataEarly } from './features/shell/request-page-data-early';

requestPageDataEarly(window.location);
