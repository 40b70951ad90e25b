// The step page's form: renders the step's form-js schema, prefilled with the step's input, and sends the answers to
// POST /api/tasks/{id}/complete. The server checks them again; its field errors are shown on the fields, and a
// conflict keeps everything typed on the page.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';

const host = document.getElementById('task-form');
if (host) {
  start(host).catch((error) => showStatus(host.dataset.loadFailed + ' ' + error.message, 'error'));
}

async function start(host) {
  const schema = readJson('task-form-schema');
  const input = readJson('task-form-input') ?? {};
  const form = new Form({ container: host });
  await form.importSchema(schema, input);
  document.getElementById('task-form-needs-script')?.remove();
  const fieldIds = idsByKey(schema.components ?? []);
  let sending = false;

  form.on('submit', async ({ data, errors }) => {
    if (sending || Object.keys(errors).length > 0) return;
    sending = true;
    showStatus(host.dataset.sending, 'info');
    try {
      await send(host, data, form, fieldIds);
    } catch (error) {
      showStatus(host.dataset.sendFailed, 'error');
    } finally {
      sending = false;
    }
  });
}

async function send(host, data, form, fieldIds) {
  const response = await fetch(`/api/tasks/${host.dataset.taskId}/complete`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]')?.content ?? '',
    },
    body: JSON.stringify(data),
  });
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    const target = new URL(host.dataset.returnUrl, window.location.origin);
    target.searchParams.set('outcome', body.outcome ?? 'completed');
    target.searchParams.set('case', host.dataset.caseNumber);
    window.location.assign(target.toString());
    return;
  }
  if (response.status === 400 && body.errors) {
    showFieldErrors(form, fieldIds, body.errors);
  }
  // A conflict or a refusal: the form keeps what was typed; the message says what happened.
  showStatus(body.title ?? host.dataset.sendFailed, 'error', response.status === 400 ? body.errors : null);
}

// form-js keeps errors by component id; the server answers by component key.
function showFieldErrors(form, fieldIds, errors) {
  const byId = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (fieldIds[key]) byId[fieldIds[key]] = messages;
  }
  form._setState({ errors: byId });
}

function idsByKey(components, map = {}) {
  for (const component of components) {
    if (component.key) map[component.key] = component.id;
    if (component.components) idsByKey(component.components, map);
  }
  return map;
}

function showStatus(text, kind, errors) {
  const status = document.getElementById('task-form-status');
  if (!status) return;
  status.replaceChildren();
  status.className = `form-status ${kind}`;
  const line = document.createElement('p');
  line.textContent = text;
  status.append(line);
  if (errors) {
    const list = document.createElement('ul');
    for (const [key, messages] of Object.entries(errors)) {
      const item = document.createElement('li');
      item.textContent = `${key}: ${messages.join(' ')}`;
      list.append(item);
    }
    status.append(list);
  }
}

function readJson(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}
