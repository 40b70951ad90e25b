// Our dialect of JavaScript for bpmn-engine: expressions and scripts over process variables as if they were
// globals (as our engine's sandbox runs them), compiled once per source text and run against a scope proxy.

const compiled = new Map();

function compile(kind, source) {
  const key = kind + '\u0000' + source;
  let fn = compiled.get(key);
  if (!fn) {
    // Function bodies are sloppy-mode code, so `with` is allowed: it makes the scope proxy the global lookup.
    const body = kind === 'expression' ? `return (${source}\n);` : source;
    fn = new Function('scope', `with (scope) {\n${body}\n}`);
    compiled.set(key, fn);
  }
  return fn;
}

// Names are looked up in the layers (innermost first), then in what the code assigned; any other name that is not a
// real global (Math, Number…) belongs to the scope too, so `typeof missing` is 'undefined' and assignments stay here.
function scopeOf(layers, assigned) {
  return new Proxy(Object.create(null), {
    has(_, key) {
      if (typeof key !== 'string') return false;
      if (key in assigned) return true;
      for (const layer of layers) if (layer && key in layer) return true;
      return !(key in globalThis);
    },
    get(_, key) {
      if (key === Symbol.unscopables) return undefined;
      if (key in assigned) return assigned[key];
      for (const layer of layers) if (layer && key in layer) return layer[key];
      return undefined;
    },
    set(_, key, value) {
      assigned[key] = value;
      return true;
    },
  });
}

/** Evaluates an expression over the layers of variables (innermost first). */
export function evaluate(source, layers) {
  return compile('expression', source)(scopeOf(layers, {}));
}

/** Runs a script over the layers of variables; returns the names it assigned, with their values. */
export function runScript(source, layers) {
  const assigned = {};
  compile('script', source)(scopeOf(layers, assigned));
  return assigned;
}

/** A value written in our extension attributes: `=expression` or a literal. */
export function valueOf(text, layers) {
  if (typeof text !== 'string') return text;
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? evaluate(trimmed.slice(1), layers) : trimmed;
}
