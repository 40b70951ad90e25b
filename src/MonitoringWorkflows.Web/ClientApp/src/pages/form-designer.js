// The form designer: the form-js editor with the same draft life cycle as the process designer (autosave with the
// revision, conflict with reload, validate, publish) and a preview of the form as an agency member sees it.
import { FormEditor } from '@bpmn-io/form-js-editor';
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import './designer.css';
import { call, readText, format, publishRefusal } from '../shared/designer/api.js';
import { createAutosave } from '../shared/designer/autosave.js';
import { showProblems } from '../shared/designer/problems.js';

const root = document.getElementById('form-designer');
if (root) start(root).catch((error) => status(root, `${root.dataset.loadFailed} ${error.message}`, 'error'));

async function start(root) {
  const text = readText();
  const api = root.dataset.api;
  const draft = await call('GET', `${api}/draft`);
  if (!draft.ok) throw new Error(String(draft.status));
  const editor = new FormEditor({ container: root.querySelector('.editor') });
  await editor.importSchema(JSON.parse(draft.data.content));
  const autosave = createAutosave({
    url: `${api}/draft`, revision: draft.data.revision, text, status: root.querySelector('[data-testid="save-status"]'),
    read: async () => JSON.stringify(editor.saveSchema(), null, 2),
  });
  editor.on('changed', () => autosave.changed());
  const list = root.querySelector('[data-testid="problems"]');
  const validate = async () => {
    await autosave.flush();
    const answer = await call('POST', `${api}/validate`, { content: JSON.stringify(editor.saveSchema()) });
    const problems = answer.ok ? answer.data.diagnostics : [];
    showProblems(list, problems, text, () => {});
    return problems;
  };
  root.querySelector('[data-testid="validate"]').addEventListener('click', validate);
  root.querySelector('[data-testid="publish"]').addEventListener('click', async () => {
    if ((await validate()).some((p) => p.severity === 'error')) return status(root, text.PublishRefused, 'error');
    const saved = await autosave.flush();
    const answer = await call('POST', `${api}/publish`, { revision: saved.revision });
    if (answer.ok) {
      autosave.reset(0);
      root.querySelector('[data-testid="published-version"]').textContent = String(answer.data.version);
      status(root, format(text.Published, answer.data.version), 'ok');
    } else {
      if (answer.status === 422) showProblems(list, answer.data.diagnostics, text, () => {});
      status(root, publishRefusal(answer, saved.revision, text), 'error');
    }
  });
  root.querySelector('[data-testid="preview"]').addEventListener('click', () => preview(root, editor.saveSchema()));
  root.dataset.ready = 'true';
}

/** The schema as the step page renders it for an agency member (the same viewer, no data yet). */
async function preview(root, schema) {
  const dialog = root.querySelector('dialog');
  const host = dialog.querySelector('.form-preview');
  host.replaceChildren();
  await new Form({ container: host }).importSchema(schema, {});
  dialog.showModal();
}

function status(root, message, kind) {
  const element = root.querySelector('[data-testid="designer-status"]');
  element.textContent = message;
  element.dataset.kind = kind;
}
