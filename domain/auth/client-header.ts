/**
 * The header every client of our own sends (the web app, scripts, tests). A page on another site
 * cannot add a custom header to a cross-site request without a CORS preflight, which this API
 * never grants, so its presence shows the request is not a forged cross-site one.
 */
export const CLIENT_HEADER = 'X-Flipstackk-Client';
