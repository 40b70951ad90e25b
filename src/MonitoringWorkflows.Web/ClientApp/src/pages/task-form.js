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
  // The shipped forms have no submit button of their own: form-js renders one only when the schema has it.
  const button = document.getElementById('task-form-submit');
  button.hidden = false;
  button.addEventListener('click', () => form.submit());
  const fields = fieldsByKey(schema.components ?? []);
  let sending = false;

  form.on('submit', async ({ data, errors }) => {
    if (sending || Object.keys(errors).length > 0) return;
    sending = true;
    button.disabled = true;
    showStatus(host.dataset.sending, 'info');
    try {
      await send(host, data, form, fields);
    } catch (error) {
      showStatus(host.dataset.sendFailed, 'error');
    } finally {
      sending = false;
      button.disabled = false;
    }
  });
}

async function send(host, data, form, fields) {
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
    showFieldErrors(form, fields, body.errors);
  }
  // A conflict or a refusal: the form keeps what was typed; the message says what happened.
  showStatus(body.title ?? host.dataset.sendFailed, 'error', response.status === 400 ? body.errors : null, fields);
}

// form-js keeps errors by component id; the server answers by component key.
function showFieldErrors(form, fields, errors) {
  const byId = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (fields[key]) byId[fields[key].id] = messages;
  }
  form._setState({ errors: byId });
}

function fieldsByKey(components, map = {}) {
  for (const component of components) {
    if (component.key) map[component.key] = { id: component.id, label: component.label ?? component.dateLabel ?? component.key };
    if (component.components) fieldsByKey(component.components, map);
  }
  return map;
}

// The summary above the form also lists errors for keys the form does not show (a field it does not have).
function showStatus(text, kind, errors, fields = {}) {
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
      item.textContent = `${fields[key]?.label ?? key}: ${messages.join(' ')}`;
      list.append(item);
    }
    status.append(list);
  }
}

function readJson(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}
