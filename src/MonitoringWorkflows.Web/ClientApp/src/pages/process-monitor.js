// The process monitor: one definition version drawn with the bpmn-js viewer, with overlays giving the number of the
// district's cases at each element now (red, clickable: lists those cases) and the number of times each sequence flow
// was taken. The step times go into the table under the diagram. Server data is put in the page as text only.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './process-monitor.css';
import { startPage } from '../shared/page-start.js';

const root = document.getElementById('process-monitor');
const casesBox = document.getElementById('monitor-cases');
const stepsTable = document.getElementById('monitor-steps');

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}

function badge(text, kind, title) {
  const element = document.createElement('span');
  element.className = `monitor-count ${kind}`;
  element.textContent = text;
  element.title = title;
  return element;
}

async function load() {
  const data = await getJson(root.dataset.api);
  const viewer = new NavigatedViewer({ container: root });
  await viewer.importXML(data.bpmnXml);
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  for (const { elementId, count } of data.current) {
    if (!registry.get(elementId)) continue;
    const element = badge(String(count), 'now', root.dataset.nowLabel);
    if (root.dataset.listsCases === 'true') {
      element.setAttribute('role', 'button');
      element.tabIndex = 0;
      element.addEventListener('click', () => listCases(elementId));
      element.addEventListener('keydown', (event) => { if (event.key === 'Enter') listCases(elementId); });
    }
    overlays.add(elementId, { position: { top: -10, right: 10 }, html: element });
  }
  for (const { elementId, count } of data.flows) {
    if (!registry.get(elementId)) continue;
    overlays.add(elementId, { position: { top: -12, left: 0 }, html: badge(String(count), 'passed', root.dataset.passedLabel) });
  }
  viewer.get('canvas').zoom('fit-viewport');
  fillSteps(data.steps, registry);
  root.dataset.current = data.current.map((c) => `${c.elementId}=${c.count}`).join(',');
  root.dataset.flows = data.flows.map((c) => `${c.elementId}=${c.count}`).join(',');
  root.dataset.ready = 'true';
}

// The units come from the page (localized): data-unit-s, -min, -h, -d hold e.g. "{0} s".
function seconds(value) {
  const unit = (name, number) => stepsTable.dataset[name].replace('{0}', number);
  if (value < 120) return unit('unitS', value.toFixed(0));
  if (value < 7200) return unit('unitMin', (value / 60).toFixed(0));
  if (value < 172800) return unit('unitH', (value / 3600).toFixed(1));
  return unit('unitD', (value / 86400).toFixed(1));
}

function fillSteps(steps, registry) {
  const head = stepsTable.createTHead().insertRow();
  for (const key of ['step', 'count', 'average', 'p90']) {
    const cell = document.createElement('th');
    cell.textContent = stepsTable.dataset[key];
    head.append(cell);
  }
  const body = stepsTable.createTBody();
  for (const step of steps) {
    const row = body.insertRow();
    const name = registry.get(step.elementId)?.businessObject?.name || step.elementId;
    for (const text of [name, String(step.count), seconds(step.averageSeconds), `≤ ${seconds(step.p90Seconds)}`]) {
      row.insertCell().textContent = text;
    }
  }
}

async function listCases(elementId) {
  const cases = await getJson(`${root.dataset.api}/elements/${encodeURIComponent(elementId)}/cases`);
  const heading = document.createElement('h2');
  heading.textContent = `${root.dataset.casesTitle}: ${elementId}`;
  const list = document.createElement('ul');
  for (const item of cases) {
    const entry = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/cases/${encodeURIComponent(item.caseNumber)}`;
    link.textContent = item.caseNumber;
    entry.append(link);
    list.append(entry);
  }
  casesBox.replaceChildren(heading, cases.length ? list : document.createTextNode(root.dataset.noCases));
  casesBox.hidden = false;
  casesBox.dataset.element = elementId;
}

startPage(root, load);
