// A tiny event emitter with VS Code's shape (`event(listener) -> Disposable`) for code that
// must not import 'vscode' (ARI client, state model, session, simulator).

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;
export type Event<T> = (listener: Listener<T>) => Disposable;

export class Emitter<T> implements Disposable {
  private listeners: Listener<T>[] = [];

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };

  get hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  fire(value: T): void {
    for (const l of this.listeners) {
      try {
        l(value);
      } catch (err) {
        // One faulty listener must not starve the others of events.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}

/** Collects disposables and disposes them in reverse order, once. */
export class DisposableStore implements Disposable {
  private items: Disposable[] = [];
  private disposed = false;

  add<D extends Disposable>(d: D): D {
    if (this.disposed) d.dispose();
    else this.items.push(d);
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.items.reverse()) {
      try {
        d.dispose();
      } catch {
        // Disposal is best effort: keep going so the rest are released.
      }
    }
    this.items = [];
  }
}

/** Base class with `_register()`, as in VS Code's own code. */
export abstract class DisposableBase implements Disposable {
  protected readonly store = new DisposableStore();
  protected _register<D extends Disposable>(d: D): D {
    return this.store.add(d);
  }
  dispose(): void {
    this.store.dispose();
  }
}
