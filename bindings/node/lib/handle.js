'use strict';
// Owned library handles: freed by close() or, failing that, when garbage-collected; never
// while a call on a worker thread still uses them.

const { invalid } = require('./errors');

// How many library handles (clients, containers, streams) are alive: made and not yet freed.
let live = 0;

const registry = new FinalizationRegistry(({ ptr, free }) => {
  live--;
  free(ptr);
});

class Handle {
  constructor(ptr, free, what) {
    this.ptr = ptr;
    this.what = what;
    this._free = free;
    this._busy = 0;
    this._closed = false;
    live++;
    registry.register(this, { ptr, free }, this);
  }

  get closed() {
    return this._closed;
  }

  /** Run `fn(ptr)` (which starts a worker call) with the handle kept alive until it settles. */
  async use(fn) {
    if (this._closed) throw invalid(`${this.what} is closed`);
    this._busy++;
    try {
      return await fn(this.ptr);
    } finally {
      this._busy--;
      if (this._closed && this._busy === 0) this._release();
    }
  }

  /** Free now, or as soon as the calls in flight end. Closing twice is a no-op. */
  close() {
    if (this._closed) return;
    this._closed = true;
    registry.unregister(this);
    if (this._busy === 0) this._release();
  }

  _release() {
    if (this.ptr === null) return;
    const p = this.ptr;
    this.ptr = null;
    live--;
    this._free(p);
  }
}

module.exports = { Handle, liveHandles: () => live };
