// The version diff page: two versions of a process drawn side by side with the bpmn-js viewer. The diff itself is
// computed on the server (GET /api/designer/processes/{key}/diff) by element id; this script only marks it: removed
// elements red on the old version, added ones green on the new one, changed ones amber on both. Moving or zooming one
// diagram moves the other, so the same place is in view on both sides.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './version-diff.css';
import { startPage } from '../shared/page-start.js';

const root = document.getElementById('version-diff');

async function text(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.text();
}

async function draw(container, xml, marks) {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const [ids, marker] of marks) {
    for (const id of ids) {
      if (registry.get(id)) canvas.addMarker(id, marker);
    }
  }
  canvas.zoom('fit-viewport');
  return viewer;
}

// Follows the other diagram's viewbox; the flag stops the two from echoing each other's change forever.
function follow(viewers) {
  let syncing = false;
  for (const [index, viewer] of viewers.entries()) {
    const other = viewers[1 - index];
    viewer.on('canvas.viewbox.changed', ({ viewbox }) => {
      if (syncing) return;
      syncing = true;
      other.get('canvas').viewbox(viewbox);
      syncing = false;
    });
  }
}

async function load() {
  const [fromXml, toXml, diffText] = await Promise.all([
    text(root.dataset.fromUrl), text(root.dataset.toUrl), text(root.dataset.diffUrl),
  ]);
  const diff = JSON.parse(diffText);
  const ids = (list) => list.map((element) => element.id);
  const changed = ids(diff.changed);
  const from = await draw(root.querySelector('[data-side="from"]'), fromXml, [[ids(diff.removed), 'diff-removed'], [changed, 'diff-changed']]);
  const to = await draw(root.querySelector('[data-side="to"]'), toXml, [[ids(diff.added), 'diff-added'], [changed, 'diff-changed']]);
  follow([from, to]);
  Object.assign(root.dataset, {
    added: ids(diff.added).join(','), removed: ids(diff.removed).join(','), changed: changed.join(','), ready: 'true',
  });
}

startPage(root, load);
