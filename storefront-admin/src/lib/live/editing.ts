/**
 * Is someone half-way through a form? A live reload must not replace what they typed. Svelte sets
 * field values as properties (so `defaultValue` says nothing about what the page rendered): instead,
 * a form counts as being edited from the first `input`/`change` event in it until it is submitted or
 * reset, or leaves the page. Hidden fields and buttons never count.
 */
export interface EditTarget {
  readonly type?: string;
  readonly form?: EditTarget | null;
  readonly isConnected: boolean;
}

const NOT_EDITS = new Set(["hidden", "submit", "button", "reset", "image"]);

export class EditTracker {
  readonly #editing = new Set<EditTarget>();

  /** An `input` or `change` event from `target` (a field, inside a form or not). */
  noteInput(target: EditTarget): void {
    if (target.type && NOT_EDITS.has(target.type.toLowerCase())) return;
    this.#editing.add(target.form ?? target);
  }

  /** A form was submitted or reset: what it held is no longer unsaved. */
  noteDone(form: EditTarget): void {
    this.#editing.delete(form);
  }

  clear(): void {
    this.#editing.clear();
  }

  /** Unsaved edits in a form that is still on the page. */
  editing(): boolean {
    for (const target of this.#editing) {
      if (target.isConnected) return true;
      this.#editing.delete(target);
    }
    return false;
  }
}

/** Follows the edits under `root` (the page's main area); returns the tracker and the function that stops it. */
export function trackEdits(root: HTMLElement): { tracker: EditTracker; stop: () => void } {
  const tracker = new EditTracker();
  const onInput = (event: Event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) tracker.noteInput(target);
  };
  const onDone = (event: Event) => {
    if (event.target instanceof HTMLFormElement) tracker.noteDone(event.target);
  };
  const types = [["input", onInput], ["change", onInput], ["submit", onDone], ["reset", onDone]] as const;
  for (const [type, fn] of types) root.addEventListener(type, fn, true);
  return { tracker, stop: () => types.forEach(([type, fn]) => root.removeEventListener(type, fn, true)) };
}
