import { EnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('gives a developer on one machine working defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PROCESS_ROLE).toBe('all');
    expect(env.SEED_DEMO_DATA).toBe(true);
  });

  it('reads numbers and booleans from strings', () => {
    const env = validateEnvironment({ PORT: '8080', SEED_DEMO_DATA: 'false', PROCESS_ROLE: 'worker' });
    expect(env.PORT).toBe(8080);
    expect(env.SEED_DEMO_DATA).toBe(false);
    expect(env.PROCESS_ROLE).toBe('worker');
  });

  it('treats an empty variable as unset', () => {
    expect(validateEnvironment({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names the variable and the value when a port is not a number', () => {
    expect(() => validateEnvironment({ PORT: 'abc' })).toThrow(/PORT="abc"/);
  });

  it('rejects a database URL that is not postgres and says what is expected', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(
      /DATABASE_URL="mysql:\/\/localhost\/db": must be a postgres:\/\/ URL/,
    );
  });

  it('reports every bad variable at once', () => {
    try {
      validateEnvironment({ PROCESS_ROLE: 'both', REDIS_URL: 'localhost:6379' });
      throw new Error('expected the environment to be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvironmentError);
      const problems = (error as EnvironmentError).problems.join('\n');
      expect(problems).toContain('PROCESS_ROLE="both"');
      expect(problems).toContain('REDIS_URL="localhost:6379"');
    }
  });
});

describe('validateEnvironment: sign-in settings', () => {
  it('requires the three OIDC variables together', () => {
    expect(() => validateEnvironment({ OIDC_ISSUER_URL: 'https://login.example.se' })).toThrow(
      'OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
    );
    const env = validateEnvironment({
      OIDC_ISSUER_URL: 'https://login.example.se',
      OIDC_CLIENT_ID: 'rapportflode',
      OIDC_CLIENT_SECRET: 'secret',
    });
    expect(env.OIDC_CLIENT_ID).toBe('rapportflode');
  });

  it('rejects a public URL with a path, since links are built from it', () => {
    expect(() => validateEnvironment({ PUBLIC_URL: 'https://rapport.gnesta.se/app' })).toThrow(/PUBLIC_URL=/);
  });
});

describe('validateEnvironment: the mail catcher', () => {
  it('is off by default, and on keeps mail on the machine (not with SMTP_URL)', () => {
    expect(validateEnvironment({}).MAIL_CATCHER).toBe('off');
    const env = validateEnvironment({ MAIL_CATCHER: 'on', MAIL_CATCHER_PORT: '2525' });
    expect([env.MAIL_CATCHER, env.MAIL_CATCHER_PORT]).toEqual(['on', 2525]);
    expect(() => validateEnvironment({ MAIL_CATCHER: 'yes' })).toThrow(/MAIL_CATCHER="yes"/);
    expect(() => validateEnvironment({ MAIL_CATCHER: 'on', SMTP_URL: 'smtp://mail.gnesta.se:25' })).toThrow(
      /MAIL_CATCHER=on keeps mail on this machine/,
    );
  });
});
