import { ignoresShortcuts, matchesKey, type Shortcut } from './shortcuts';

type Listener = () => void;

/** Opens the sheet; always there while any view has shortcuts. */
export const HELP_KEY = '?';

/**
 * Every shortcut of the mounted views, and the one keydown listener that runs them. Views add
 * theirs while mounted (useShortcuts); the newest registration wins a key two views share. The
 * `?` key is the registry's own: it opens the sheet listing what is registered.
 */
export class ShortcutRegistry {
  private readonly sets = new Map<number, readonly Shortcut[]>();
  private nextId = 1;
  private listeners = new Set<Listener>();
  private snapshot: readonly Shortcut[] = [];
  private helpOpen = false;
  private attached = false;

  constructor(private readonly doc: Document = document) {}

  /** Adds a set of shortcuts; the returned function removes it. */
  add(shortcuts: readonly Shortcut[]): () => void {
    const id = this.nextId++;
    this.sets.set(id, shortcuts);
    this.changed();
    return () => {
      this.sets.delete(id);
      if (this.sets.size === 0) this.helpOpen = false;
      this.changed();
    };
  }

  list = (): readonly Shortcut[] => this.snapshot;
  isHelpOpen = (): boolean => this.helpOpen;

  setHelpOpen(open: boolean): void {
    if (this.helpOpen === open) return;
    this.helpOpen = open;
    this.notify();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs the shortcut the key press names, if any; true when one ran. */
  handle = (event: KeyboardEvent): boolean => {
    if (ignoresShortcuts(event, this.doc)) return false;
    if (event.key === HELP_KEY && this.snapshot.length > 0) {
      event.preventDefault();
      this.setHelpOpen(true);
      return true;
    }
    const shortcut = [...this.snapshot].reverse().find((s) => s.enabled !== false && matchesKey(s, event));
    if (!shortcut) return false;
    event.preventDefault();
    shortcut.run(event);
    return true;
  };

  private changed(): void {
    this.snapshot = [...this.sets.values()].flat();
    const wanted = this.sets.size > 0;
    if (wanted && !this.attached) this.doc.addEventListener('keydown', this.handle);
    if (!wanted && this.attached) this.doc.removeEventListener('keydown', this.handle);
    this.attached = wanted;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The page's registry: one keydown listener for the whole tab. */
export const shortcutRegistry = new ShortcutRegistry();
