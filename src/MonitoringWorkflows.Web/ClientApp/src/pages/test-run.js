// The test run page: starts a sandboxed run of a draft (or a published version) through /api/designer/test-runs and
// steps through it: complete open tasks with JSON data, fire timers, send messages. After every step the server
// answers with the whole run, which is drawn again: the diagrams with the tokens marked (as on the case page), the
// open tasks, timers, variables, the actions the service tasks asked for (recorded, never performed) and the journal.
// Text from the server goes into the page as text (textContent), never as HTML.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { Form } from '@bpmn-io/form-js-viewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './test-run.css';

const root = document.getElementById('test-run');
const labels = JSON.parse(document.getElementById('test-run-labels')?.textContent ?? '{}');
const start = JSON.parse(document.getElementById('test-run-start')?.textContent ?? '{}');
const viewers = new Map();
let runUrl = null;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node[name] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

// Where the run's BPMN comes from: a draft posted to the page, a draft the designer left in this tab's sessionStorage
// (?draft=session), or a published version (?process=key&version=N).
function source() {
  if (start.xml) return { xml: start.xml, processKey: start.processKey ?? null };
  if (start.fromSession) {
    const stored = sessionStorage.getItem('mw.testRun.xml');
    return stored ? { xml: stored, processKey: sessionStorage.getItem('mw.testRun.processKey') } : null;
  }
  if (start.processKey) return { processKey: start.processKey, version: start.version ?? null };
  return null;
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json', Accept: 'application/json',
      'X-CSRF-TOKEN': document.querySelector('meta[name="csrf-token"]')?.content ?? '',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return { ok: true };
  const data = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, run: data };
  const errors = data.errors ? Object.values(data.errors).flat().join(' ') : '';
  return { ok: false, run: data.run, message: [data.title, data.detail, errors].filter(Boolean).join(': ') };
}

function parseJson(text) {
  try {
    return { value: text.trim() === '' ? null : JSON.parse(text) };
  } catch {
    return { error: labels.BadJson };
  }
}

async function step(method, url, body, errorNode) {
  const answer = await call(method, url, body);
  if (answer.run) await render(answer.run);
  if (!answer.ok && errorNode) errorNode.textContent = answer.message;
}

async function drawInstance(container, instance) {
  let viewer = viewers.get(instance.no);
  if (!viewer) {
    viewer = new NavigatedViewer({ container });
    await viewer.importXML(instance.bpmnXml);
    viewer.get('canvas').zoom('fit-viewport');
    viewers.set(instance.no, viewer);
  } else {
    // Each answer redraws the page; the viewer (with the reader's zoom and scroll) moves into the new container.
    viewer.attachTo(container);
  }
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const element of registry.getAll()) {
    for (const marker of ['current', 'passed', 'taken']) canvas.removeMarker(element.id, marker);
  }
  for (const [ids, marker] of [[instance.passed, 'passed'], [instance.takenFlows, 'taken'], [instance.current, 'current']]) {
    for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
  }
}

// A task whose form is published shows that form (as the agency would see it); its data can also be typed as JSON,
// which lets the administrator try answers the form would not allow.
function taskItem(task, schema, errorNode) {
  const data = el('textarea', { rows: 3, cols: 60, value: '{}', ariaLabel: labels.TaskData });
  const complete = (values) => step('POST', `${runUrl}/tasks/${task.id}/complete`, values ?? {}, errorNode);
  const completeJson = () => {
    const parsed = parseJson(data.value);
    if (parsed.error) { errorNode.textContent = parsed.error; return; }
    complete(parsed.value);
  };
  const who = [task.agency, task.role, task.formKey].filter(Boolean).join(' · ');
  const json = el('div', { className: 'task-json' }, data, el('button', { type: 'button', textContent: labels.Complete, onclick: completeJson }));
  const item = el('li', { dataset: { task: String(task.id), element: task.elementId } },
    el('strong', { textContent: task.name ?? task.elementId }), ` (${task.elementId}) ${who}`,
    task.dueAt ? el('span', { className: 'hint', textContent: ` ${labels.Due}: ${new Date(task.dueAt).toLocaleString()}` }) : null);
  if (!schema) {
    item.append(json);
    return item;
  }
  const host = el('div', { className: 'task-form' });
  const form = new Form({ container: host });
  form.importSchema(schema, task.input ?? {}).catch((failure) => { errorNode.textContent = String(failure); });
  form.on('submit', ({ data: values, errors }) => {
    if (Object.keys(errors).length === 0) complete(values);
  });
  item.append(host, el('button', { type: 'button', dataset: { action: 'submit-form' }, textContent: labels.Complete, onclick: () => form.submit() }),
    el('details', {}, el('summary', { textContent: labels.TaskData }), json));
  return item;
}

function timerItem(timer, errorNode) {
  return el('li', { dataset: { timer: String(timer.id), element: timer.elementId } },
    `${timer.elementId} — ${labels.Due}: ${new Date(timer.dueAt).toLocaleString()} `,
    el('button', { type: 'button', textContent: labels.Fire, onclick: () => step('POST', `${runUrl}/timers/${timer.id}/fire`, {}, errorNode) }));
}

function messageForm(errorNode) {
  const name = el('input', { type: 'text', ariaLabel: labels.MessageName, placeholder: labels.MessageName });
  const data = el('textarea', { rows: 2, cols: 60, value: '{}', ariaLabel: labels.MessageData });
  const send = () => {
    const parsed = parseJson(data.value);
    if (parsed.error) { errorNode.textContent = parsed.error; return; }
    step('POST', `${runUrl}/messages`, { name: name.value, data: parsed.value }, errorNode);
  };
  return el('div', {}, name, data, el('button', { type: 'button', textContent: labels.Send, onclick: send }));
}

function section(title, ...children) {
  return el('section', { className: 'card' }, el('h2', { textContent: title }), ...children);
}

function list(items, empty) {
  return items.length === 0 ? el('p', { className: 'hint', textContent: empty }) : el('ul', {}, ...items);
}

async function render(run) {
  const target = root.querySelector('[data-part="run"]');
  const error = el('p', { className: 'field-error', role: 'alert' });
  const diagrams = run.instances.map((instance) => ({ instance, node: el('div', { className: 'diagram', dataset: { instance: String(instance.no) } }) }));
  const journal = el('table', { className: 'grid' }, el('tbody', {}, ...run.journal.slice().reverse().map((line) => el('tr', {},
    el('td', { textContent: `#${line.instanceNo}` }), el('td', { textContent: line.kind }),
    el('td', { textContent: line.elementId ?? '' }), el('td', { textContent: line.actor }), el('td', { textContent: line.detail ?? '' })))));
  target.replaceChildren(
    el('p', { dataset: { status: run.status } }, `${labels.Status}: `, el('strong', { textContent: run.status }),
      ` · ${labels.Clock}: ${new Date(run.now).toLocaleString()} `,
      el('button', { type: 'button', textContent: labels.Delete, onclick: () => step('DELETE', runUrl).then(() => window.location.reload()) })),
    error,
    run.incidents.length ? section(labels.Incidents, list(run.incidents.map((i) => el('li', { textContent: `#${i.instanceNo} ${i.code} ${i.elementId ?? ''} ${i.message}` })), '')) : '',
    section(labels.Diagram, ...diagrams.flatMap(({ instance, node }) => [
      el('h3', { textContent: `${instance.no > 1 ? `${labels.Called}: ` : ''}${instance.processKey} (${instance.version}) — ${instance.status}` }), node])),
    section(labels.OpenTasks, list(run.openTasks.map((task) => taskItem(task, run.forms?.[task.formKey], error)), labels.NoTasks)),
    section(labels.Timers, list(run.timers.map((timer) => timerItem(timer, error)), labels.NoTimers)),
    section(labels.Message, messageForm(error)),
    section(labels.Variables, ...run.instances.map((instance) => el('pre', { textContent: `#${instance.no} ${JSON.stringify(instance.variables, null, 2)}` }))),
    section(labels.Actions, list(run.actions.map((a) => el('li', { textContent: `#${a.instanceNo} ${a.elementId} ${a.kind}: ${JSON.stringify(a.payload)}` })), labels.NoActions)),
    section(labels.Journal, journal));
  target.hidden = false;
  for (const { instance, node } of diagrams) await drawInstance(node, instance);
  root.dataset.status = run.status;
  root.dataset.current = run.instances[0]?.current.join(',') ?? '';
  root.dataset.ready = 'true';
}

async function begin() {
  const from = source();
  const error = root.querySelector('[data-part="start-error"]');
  const parsed = parseJson(root.querySelector('[data-part="variables"]').value);
  if (parsed.error) { error.textContent = parsed.error; return; }
  const answer = await call('POST', root.dataset.api, { ...from, variables: parsed.value });
  if (!answer.ok) { error.textContent = answer.message; return; }
  error.textContent = '';
  runUrl = `${root.dataset.api}/${answer.run.id}`;
  root.querySelector('[data-part="start"]').hidden = true;
  await render(answer.run);
}

if (root) {
  const from = source();
  const sourceNode = root.querySelector('[data-part="source"]');
  sourceNode.textContent = from ? `${labels.Source}: ${from.xml ? 'draft' : `${from.processKey}${from.version ? ` v${from.version}` : ''}`}` : labels.NothingToRun;
  const button = root.querySelector('[data-action="start"]');
  button.disabled = !from;
  button.addEventListener('click', () => begin().catch((failure) => {
    console.error(failure);
    root.querySelector('[data-part="start-error"]').textContent = labels.Failed;
  }));
}
