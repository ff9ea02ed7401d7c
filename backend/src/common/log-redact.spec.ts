import pino from 'pino';
import { Writable } from 'node:stream';
import { LOG_REDACT_PATHS } from './log-redact';

describe('request logs', () => {
  it('leave out the session cookie, credentials and the CSRF token, and keep the rest of the request', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: LOG_REDACT_PATHS }, sink);
    logger.info({
      req: {
        method: 'PUT',
        url: '/api/tasks/1/content',
        headers: { cookie: 'rf_session=hemlig', 'x-xsrf-token': 'csrf-hemlig', authorization: 'Bearer x', 'user-agent': 'Firefox' },
      },
      res: { statusCode: 200, headers: { 'set-cookie': 'rf_session=ny' } },
    });
    const [line] = lines;
    expect(line).not.toMatch(/hemlig|rf_session=ny|Bearer/);
    const logged = JSON.parse(line);
    expect(logged.req.headers).toEqual({ cookie: '[Redacted]', 'x-xsrf-token': '[Redacted]', authorization: '[Redacted]', 'user-agent': 'Firefox' });
    expect(logged.req.url).toBe('/api/tasks/1/content');
  });
});
