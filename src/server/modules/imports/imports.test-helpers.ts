import type { ApiResponse, TestClient } from '../../../../test/support.ts';

/** A multipart form as a browser sends it: the file in `file`, plus any text fields. */
export function importForm(
  content: string | Uint8Array,
  options: { filename?: string; type?: string; fields?: Record<string, string> } = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], {
    type: options.type ?? 'text/csv',
  });
  form.append('file', blob, options.filename ?? 'deltagare.csv');
  return form;
}

/** POSTs a multipart form with the client's cookies and CSRF token, as the browser would. */
// biome-ignore lint/suspicious/noExplicitAny: like TestClient, tests read responses loosely
export async function postForm<T = any>(
  client: TestClient,
  path: string,
  body: FormData | string,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(client.baseUrl + path, {
    method: 'POST',
    headers: {
      'accept-language': client.locale,
      'x-csrf-token': await client.ensureCsrf(),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}
