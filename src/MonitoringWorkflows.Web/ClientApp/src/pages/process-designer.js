// The process designer: the bpmn-js modeler with the properties panel (the BPMN provider plus our own for mw:), the
// draft saved automatically with its revision, server validation and bpmnlint shown on the elements, and publishing.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import LintModule from 'bpmn-js-bpmnlint';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/assets/properties-panel.css';
import './designer.css';
import { call, readText, format, publishRefusal } from '../shared/designer/api.js';
import { createAutosave } from '../shared/designer/autosave.js';
import { createChecker } from '../shared/designer/checker.js';
import { createMwPropertiesModule } from '../shared/designer/mw-properties.js';
import { showProblems } from '../shared/designer/problems.js';
import { translateModule } from '../shared/designer/translate.js';
import EnginePalette from '../shared/designer/engine-palette.js';
import lintConfig from '../shared/designer/lint-config.js';
import mwModdle from '../shared/designer/mw-moddle.json';

const root = document.getElementById('designer');
if (root) start(root).catch((error) => fail(root, error));

async function start(root) {
  const text = readText();
  const api = root.dataset.api;
  const [draft, catalog] = await Promise.all([call('GET', `${api}/draft`), call('GET', '/api/designer/catalog')]);
  if (!draft.ok || !catalog.ok) throw new Error(`${draft.status} / ${catalog.status}`);
  // The server's check of the draft as stored runs while the diagram is drawn: its markers show the moment it is up.
  const firstCheck = call('POST', `${api}/validate`, { content: draft.data.content });
  const modeler = new BpmnModeler({
    container: root.querySelector('.canvas'),
    propertiesPanel: { parent: root.querySelector('.properties') },
    additionalModules: [
      BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, EnginePalette, LintModule,
      createMwPropertiesModule({ catalog: catalog.data, text, checker: createChecker('/api/designer/validate-expression') }),
      translateModule(text.Bpmn ?? {}),
    ],
    moddleExtensions: { mw: mwModdle },
    linting: { bpmnlint: lintConfig, active: false },
  });
  await modeler.importXML(draft.data.content);
  fitBesidePalette(modeler.get('canvas'));
  const view = createProblemsView(root, modeler, text);
  const autosave = createAutosave({
    url: `${api}/draft`, revision: draft.data.revision, text, status: root.querySelector('[data-testid="save-status"]'),
    read: async () => (await modeler.saveXML({ format: true })).xml,
    onSaved: () => serverCheck(api, modeler, view, false),
  });
  modeler.on('commandStack.changed', () => autosave.changed());
  root.querySelector('[data-testid="validate"]').addEventListener('click', () => validate(api, modeler, view, autosave, text));
  root.querySelector('[data-testid="publish"]').addEventListener('click', () => publish(root, api, modeler, view, autosave, text));
  root.querySelector('[data-testid="test-run-draft"]').addEventListener('click', () => testRunDraft(api, modeler));
  window.designer = modeler; // for the browser test and the benchmark: the modeler's services by name
  const checked = await firstCheck;
  view.mark(checked.ok ? checked.data.diagnostics : []);
  root.dataset.readyMs = String(Math.round(performance.now())); // since navigation start: the bench's "designer ready"
  root.dataset.ready = 'true';
}

/**
 * A test run of the diagram as it is now, in a new tab: the test run page reads the draft from sessionStorage
 * (copied into a tab opened by window.open) when asked with ?draft=session. Nothing is saved or published by it.
 */
async function testRunDraft(api, modeler) {
  const { xml } = await modeler.saveXML({ format: true });
  sessionStorage.setItem('mw.testRun.xml', xml);
  sessionStorage.setItem('mw.testRun.processKey', decodeURIComponent(api.split('/').pop()));
  window.open('/designer/test-run?draft=session', '_blank');
}

/** The whole diagram in view, to the right of the palette (which floats over the canvas's left edge). */
function fitBesidePalette(canvas, palette = 110, margin = 20) {
  const { inner, outer } = canvas.viewbox();
  const scale = Math.min(1, (outer.width - palette - margin) / inner.width, (outer.height - 2 * margin) / inner.height);
  canvas.viewbox({
    x: inner.x - palette / scale, y: inner.y - margin / scale, width: outer.width / scale, height: outer.height / scale,
  });
}

/** Server diagnostics on the canvas (so unsupported elements show their reason at once); the list only when asked. */
async function serverCheck(api, modeler, view, list) {
  const xml = (await modeler.saveXML()).xml;
  const answer = await call('POST', `${api}/validate`, { content: xml });
  const problems = answer.ok ? answer.data.diagnostics : [];
  view.mark(problems);
  if (list) view.list(problems);
  return problems;
}

async function lint(modeler) {
  const results = await modeler.get('linting').lint();
  return Object.entries(results).flatMap(([rule, issues]) => issues.map((issue) => ({
    code: `bpmnlint:${rule}`, severity: issue.category === 'error' ? 'error' : 'warning', elementId: issue.id, message: issue.message,
  })));
}

async function validate(api, modeler, view, autosave, text) {
  view.status(text.Validating);
  await autosave.flush();
  const problems = [...await serverCheck(api, modeler, view, false), ...await lint(modeler)];
  view.mark(problems);
  view.list(problems);
  view.status('');
  return problems;
}

async function publish(root, api, modeler, view, autosave, text) {
  const problems = await validate(api, modeler, view, autosave, text);
  if (problems.some((p) => p.severity === 'error')) return view.status(text.PublishRefused, 'error');
  const saved = await autosave.flush();
  if (!saved.clean) return view.status(text.PublishRefused, 'error');
  const answer = await call('POST', `${api}/publish`, { revision: saved.revision });
  if (answer.ok) {
    autosave.reset(0); // the next edit starts a new draft from the version just published
    view.status(format(text.Published, answer.data.version), 'ok');
    root.querySelector('[data-testid="published-version"]').textContent = String(answer.data.version);
  } else if (answer.status === 422) {
    view.mark(answer.data.diagnostics);
    view.list(answer.data.diagnostics);
    view.status(text.PublishRefused, 'error');
  } else {
    view.status(publishRefusal(answer, saved.revision, text), 'error');
  }
}

function createProblemsView(root, modeler, text) {
  const canvas = modeler.get('canvas');
  const overlays = modeler.get('overlays');
  const registry = modeler.get('elementRegistry');
  let marked = [];
  const select = (id) => {
    const element = registry.get(id);
    if (!element) return;
    modeler.get('selection').select(element);
    canvas.scrollToElement(element);
  };
  return {
    mark(problems) {
      for (const id of marked) { canvas.removeMarker(id, 'mw-error'); canvas.removeMarker(id, 'mw-warning'); }
      overlays.remove({ type: 'mw-problem' });
      marked = [];
      const byElement = Map.groupBy(problems.filter((p) => p.elementId && registry.get(p.elementId)), (p) => p.elementId);
      for (const [id, list] of byElement) {
        const severity = list.some((p) => p.severity === 'error') ? 'error' : 'warning';
        canvas.addMarker(id, `mw-${severity}`);
        marked.push(id);
        const badge = document.createElement('div');
        badge.className = `mw-problem-badge ${severity}`;
        badge.dataset.element = id;
        badge.textContent = String(list.length);
        badge.title = list.map((p) => `${p.code} ${p.message}`).join('\n');
        overlays.add(id, 'mw-problem', { position: { top: -10, right: 10 }, html: badge });
      }
    },
    list(problems) { showProblems(root.querySelector('[data-testid="problems"]'), problems, text, select); },
    status(message, kind = 'info') {
      const status = root.querySelector('[data-testid="designer-status"]');
      status.textContent = message;
      status.dataset.kind = kind;
    },
  };
}

function fail(root, error) {
  const status = root.querySelector('[data-testid="designer-status"]');
  status.textContent = `${root.dataset.loadFailed} ${error.message}`;
  status.dataset.kind = 'error';
}
