/** Small shared UI pieces: toasts. */
import { useCallback } from 'react';

let container: HTMLDivElement | null = null;

export function showToast(message: string, kind: 'info' | 'error' = 'info'): void {
  if (!container) {
    container = document.createElement('div');
    container.className = 'toasts';
    document.body.appendChild(container);
  }
  const el = document.createElement('div');
  el.className = `toast ${kind}`;
  el.textContent = message;
  container.appendChild(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 4000);
}

export function useToast() {
  return useCallback((message: string, kind: 'info' | 'error' = 'info') => showToast(message, kind), []);
}
