import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const mentorBookKeys = `k1:${Buffer.alloc(32, 3).toString('base64')}`;

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
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db/bollplank',
      SESSION_SECRET: 's'.repeat(32),
      MENTOR_BOOK_KEYS: mentorBookKeys,
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/bollplank' });
  });

  it('requires MENTOR_BOOK_KEYS in production and with PostgreSQL, and names a bad key without printing it', () => {
    const secret = { SESSION_SECRET: 's'.repeat(32) };
    expect(() => loadConfig({ ...secret, DATABASE_URL: 'postgres://u@db/x' })).toThrow(
      /MENTOR_BOOK_KEYS: required/,
    );
    expect(() => loadConfig({ ...secret, NODE_ENV: 'production' })).toThrow(/MENTOR_BOOK_KEYS: required/);
    expect(loadConfig({}).mentorBookKeys).toBeNull();
    const short = Buffer.alloc(16, 1).toString('base64');
    try {
      loadConfig({ MENTOR_BOOK_KEYS: `k1:${short}` });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/key "k1" must be 32 bytes/);
      expect((error as Error).message).not.toContain(short);
    }
    expect(loadConfig({ MENTOR_BOOK_KEYS: mentorBookKeys }).mentorBookKeys?.current.id).toBe('k1');
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
