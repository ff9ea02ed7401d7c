/**
 * Request and response parts that never reach the log: the session cookie, credentials and the
 * CSRF token (with it and a stolen cookie, a request log would be enough to write as someone).
 */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-xsrf-token"]',
  'res.headers["set-cookie"]',
];
