// Server-side checks of expression fields as they are typed: one debounced request per field, answers remembered
// per (kind, text) so re-rendering the panel does not ask again.
import { call } from './api.js';

export function createChecker(url, delay = 350) {
  const results = new Map();
  const timers = new Map();
  return {
    /** The remembered answer ({ valid, message }) or undefined, in which case a check is scheduled and done() called after it. */
    check(field, kind, value, done) {
      const key = `${kind}\u0000${value}`;
      if (results.has(key)) return results.get(key);
      clearTimeout(timers.get(field));
      timers.set(field, setTimeout(async () => {
        const answer = await call('POST', url, { source: value, kind });
        // A failed call (offline, signed out) must not paint the field red: the publish check still runs on the server.
        results.set(key, answer.ok ? answer.data : { valid: true });
        done();
      }, delay));
      return undefined;
    },
  };
}
