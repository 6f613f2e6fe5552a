import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs on SQLite at ./data/bollplank.db on port 3000 with nothing set', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/bollplank.db' });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/bollplank', SESSION_SECRET: 's'.repeat(32) });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/bollplank' });
  });

  it('names every bad variable in one error', () => {
    const bad = {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      SMTP_URL: 'http://mail',
      PUBLIC_URL: 'not a url',
      SESSION_SECRET: 'short',
    };
    try {
      loadConfig(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      for (const name of Object.keys(bad)) expect(message).toContain(name);
      expect(message).toContain('"eighty"');
    }
  });

  it('requires a shared SESSION_SECRET when instances share PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/x' })).toThrow(/SESSION_SECRET/);
  });

  it('names the operator only when told, and checks what it is told', () => {
    expect(loadConfig({})).toMatchObject({ operatorName: null, operatorEmail: null });
    expect(
      loadConfig({ OPERATOR_NAME: ' Enköpings kommun ', OPERATOR_EMAIL: 'tillganglighet@enkoping.se' }),
    ).toMatchObject({ operatorName: 'Enköpings kommun', operatorEmail: 'tillganglighet@enkoping.se' });
    expect(() => loadConfig({ OPERATOR_EMAIL: 'enkoping.se' })).toThrow(/OPERATOR_EMAIL/);
    expect(() => loadConfig({ OPERATOR_NAME: 'Enköping\nkommun' })).toThrow(/OPERATOR_NAME/);
    expect(() => loadConfig({ OPERATOR_NAME: 'x'.repeat(121) })).toThrow(/OPERATOR_NAME/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SMTP_URL: '' }).port).toBe(3000);
  });
});
