/**
 * The listeners of a backend's watchInterfaces. Changes are announced with notify();
 * listeners hear of them later, on a timer: never inside the caller of notify() (on
 * Windows that is a system callback), and once per burst, because Windows reports one
 * change per interface and address family and a cable pulled is several at once.
 */
export class ChangeListeners {
  private readonly listeners = new Set<() => void>();
  private pending: NodeJS.Timeout | null = null;

  /** `coalesceMs`: how long after the first change of a burst the listeners are called. */
  constructor(private readonly coalesceMs: number) {}

  get size(): number {
    return this.listeners.size;
  }

  /**
   * Adds a listener; the function returned removes it and reports whether it was still
   * there. Each call of add is its own subscription, even for a listener already added.
   */
  add(listener: () => void): () => boolean {
    const subscription = () => listener();
    this.listeners.add(subscription);
    return () => this.listeners.delete(subscription);
  }

  notify(): void {
    this.pending ??= setTimeout(() => this.dispatch(), this.coalesceMs);
  }

  /** Drops every listener and any call not yet made. */
  clear(): void {
    this.listeners.clear();
    if (this.pending) clearTimeout(this.pending);
    this.pending = null;
  }

  private dispatch(): void {
    this.pending = null;
    for (const listener of [...this.listeners]) {
      // One removed by an earlier listener of this round is not called.
      if (!this.listeners.has(listener)) continue;
      try {
        listener();
      } catch (error) {
        // A failing listener must not silence the others; its error still surfaces, uncaught.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
