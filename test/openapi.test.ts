import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from './support.ts';

describe('the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.close());

  it('is served at /api/docs and documents every API route with its schemas', async () => {
    const client = new TestClient(server.baseUrl);
    expect((await client.get('/api/docs')).status).toBeLessThan(400);
    const document = (await client.get('/api/docs/json')).body;
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths as Record<string, object>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const routes = server.app.routeTable
      .filter((r) => r.method !== 'HEAD' && (r.url.startsWith('/api/') || r.url === '/healthz'))
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    for (const route of routes) expect(documented, route).toContain(route);

    const createOrganisation = document.paths['/api/networks/{networkId}/organisations'].post;
    expect(createOrganisation.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'name',
    );
    expect(createOrganisation.responses).toHaveProperty('201');
  });
});
