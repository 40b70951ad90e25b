// BPMN files parsed once (bpmn-moddle, then moddle-context-serializer), by process id: every instance and every
// called process starts from the same serialized context, as our engine starts from one parsed definition.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { DialectScripts, dialectExpressions, dialectExtension } from './dialect.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const mw = JSON.parse(fs.readFileSync(path.join(here, '..', 'mw-moddle.json'), 'utf8'));
const typeResolver = TypeResolver(elements);

/**
 * dialect 'mw': our files, run with our JavaScript dialect and extensions.
 * dialect 'native': bpmn-engine's own defaults (its vm scripts and ${} expressions), for its own test files.
 */
export async function loadLibrary(files, dialect) {
  const library = new Map();
  for (const file of files) {
    const moddleContext = await new BpmnModdle({ mw }).fromXML(fs.readFileSync(file, 'utf8'));
    const sourceContext = serializer(moddleContext, typeResolver);
    const options = dialect === 'mw'
      ? { scripts: new DialectScripts(), expressions: dialectExpressions, extensions: { mw: dialectExtension } }
      : {};
    const processes = sourceContext.getProcesses().map((p) => p.id);
    const entry = { file, sourceContext, options, processes, executable: sourceContext.getExecutableProcesses().map((p) => p.id) };
    for (const id of processes) if (!library.has(id)) library.set(id, entry);
  }
  return library;
}
