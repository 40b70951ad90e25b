// Timers as our bench host fires them: a boundary timer (a deadline, an escalation) never fires while the bench
// runs, because completing the activity cancels it; any other timer (an intermediate catch the process needs to
// go on) fires at once instead of after its real duration.

export class BenchTimers {
  constructor() {
    this.pending = new Set();
  }

  // bpmn-engine clears every executing timer of its environment when an instance ends: one BenchTimers per engine.
  get executing() {
    return [...this.pending];
  }

  register(owner) {
    return {
      setTimeout: (callback, delay, ...args) => this._set(owner, callback, args),
      clearTimeout: (ref) => this.clearTimeout(ref),
    };
  }

  setTimeout(callback, delay, ...args) {
    return this._set(undefined, callback, args);
  }

  clearTimeout(ref) {
    if (!ref || !this.pending.delete(ref)) return;
    if (ref.immediate) clearImmediate(ref.immediate);
  }

  _set(owner, callback, args) {
    const ref = { owner };
    this.pending.add(ref);
    if (!isBoundary(owner)) {
      ref.immediate = setImmediate(() => {
        this.pending.delete(ref);
        callback(...args);
      });
    }
    return ref;
  }
}

function isBoundary(owner) {
  return owner?.type === 'bpmn:BoundaryEvent' || Boolean(owner?.attachedTo);
}
