// Bundles each page script in src/pages/ (one per page that needs bpmn-js or form-js) into ../wwwroot/dist/.
// Run by the MSBuild target in MonitoringWorkflows.Web.csproj; by hand: `npm run build`.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const pages = readdirSync('src/pages').filter((name) => name.endsWith('.js')).map((name) => join('src/pages', name));
if (pages.length === 0) {
  throw new Error('No page scripts in ClientApp/src/pages: nothing to bundle.');
}

// Earlier bundles' chunks are left in place: MSBuild lists wwwroot's files before this runs (also for the projects
// that reference this one), and a listed file that vanished fails the build. They are git-ignored, unused leftovers.
const outdir = '../wwwroot/dist';

await build({
  entryPoints: pages,
  outdir,
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: 'linked',
  target: ['chrome120', 'firefox120', 'safari17'],
  // bpmn-js and form-js ship their icon fonts and images inside their style sheets.
  // One preact for every bundle: form-js-editor keeps an older copy of its own, and hooks rendered by one copy into
  // components of another fail ("reading 'context'"). The properties panel's vendored preact is the one the panels use.
  alias: { preact: './node_modules/@bpmn-io/properties-panel/preact' },
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
  logLevel: 'warning',
  metafile: false,
});
