// Short notices at the bottom of the window, optionally with one action such as "Undo".

export interface Toast {
  id: number;
  message: string;
  actionLabel?: string;
  action?: () => void | Promise<void>;
}

export const toasts = $state<Toast[]>([]);

let nextId = 1;
const lifetimeMs = 10_000;

export function showToast(toast: Omit<Toast, 'id'>): void {
  const id = nextId++;
  toasts.push({ ...toast, id });
  setTimeout(() => dismissToast(id), lifetimeMs);
}

export function dismissToast(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
