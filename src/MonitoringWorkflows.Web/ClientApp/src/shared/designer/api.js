// Calls to /api/designer with the page's antiforgery token; answers are JSON (problem details on errors).
const token = () => document.querySelector('meta[name="csrf-token"]')?.content ?? '';

export async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-TOKEN'] = token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  return { ok: response.ok, status: response.status, data };
}

/** The localized strings the Razor page rendered into <script type="application/json" id="designer-text">. */
export function readText() {
  return JSON.parse(document.getElementById('designer-text').textContent);
}

/** "{0} saved at {1}" with its arguments. */
export function format(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (_, index) => String(args[Number(index)] ?? ''));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString(document.documentElement.lang || undefined) : '';
}

/** What a refused publish says: nothing to publish (no draft), someone else's newer save, or the server's words. */
export function publishRefusal(answer, revision, text) {
  if (answer.status === 409 && revision === 0) return text.NothingToPublish;
  if (answer.status === 409) return format(text.Status_Conflict, answer.data?.by ?? '?', when(answer.data?.at));
  return answer.data?.detail || answer.data?.title || String(answer.status);
}
