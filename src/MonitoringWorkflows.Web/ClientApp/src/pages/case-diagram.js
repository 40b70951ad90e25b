// The case page's process diagrams: each instance of the case drawn with the bpmn-js viewer, the elements where it is
// now marked "current", the elements passed marked "passed" and the sequence flows taken marked "taken". The same ids
// are written into data attributes, so tests and assistive tools can read them without the SVG.
// Everything from the server is put in the page as text (textContent), never as HTML.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './case-diagram.css';
import { startPage } from '../shared/page-start.js';

const root = document.getElementById('case-diagrams');

async function load() {
  const response = await fetch(root.dataset.api, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET ${root.dataset.api}: ${response.status}`);
  const data = await response.json();
  root.replaceChildren();
  for (const [index, instance] of data.instances.entries()) {
    await show(instance, index === 0);
  }
  const main = data.instances[0];
  root.dataset.current = main ? main.current.join(',') : '';
  root.dataset.passed = main ? main.passed.join(',') : '';
  root.dataset.flows = main ? main.takenFlows.join(',') : '';
  root.dataset.ready = 'true';
}

async function show(instance, isMain) {
  const section = document.createElement('section');
  section.className = isMain ? 'instance main' : 'instance called';
  const heading = document.createElement('h3');
  const name = instance.processName || instance.processKey;
  heading.textContent = isMain ? `${name} (v${instance.version})` : `${root.dataset.calledTitle}: ${name} (v${instance.version})`;
  const status = document.createElement('span');
  status.className = 'badge';
  status.textContent = instance.status;
  heading.append(' ', status);
  const canvas = document.createElement('div');
  canvas.className = 'diagram';
  Object.assign(canvas.dataset, {
    instance: String(instance.instanceId),
    process: instance.processKey,
    current: instance.current.join(','),
    passed: instance.passed.join(','),
    flows: instance.takenFlows.join(','),
  });
  section.append(heading, canvas);
  root.append(section);
  await draw(canvas, instance);
}

async function draw(container, instance) {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(instance.bpmnXml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  // An element can be both passed and current (a loop back): current wins, it is what the reader looks for.
  mark(canvas, registry, instance.passed, 'passed');
  mark(canvas, registry, instance.takenFlows, 'taken');
  mark(canvas, registry, instance.current, 'current');
  canvas.zoom('fit-viewport');
}

function mark(canvas, registry, ids, marker) {
  for (const id of ids) {
    if (registry.get(id)) canvas.addMarker(id, marker);
  }
}

startPage(root, load);
