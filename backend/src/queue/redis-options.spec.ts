import { redisOptionsFromUrl } from './redis-options';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials and database from the URL', () => {
    expect(redisOptionsFromUrl('redis://user:p%40ss@redis.internal:6380/2')).toMatchObject({
      host: 'redis.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: undefined,
      maxRetriesPerRequest: null,
    });
  });

  it('defaults to port 6379 and database 0, and uses TLS for rediss://', () => {
    expect(redisOptionsFromUrl('rediss://cache')).toMatchObject({ host: 'cache', port: 6379, db: 0, tls: {} });
  });

  it('rejects a database that is not a number', () => {
    expect(() => redisOptionsFromUrl('redis://localhost/queues')).toThrow('REDIS_URL');
  });
});
