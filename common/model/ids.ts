/** Random ids for issues, sections, documents and assets. Works in Node 20, Electron and browsers. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Current time as an ISO string; one place so tests can reason about it. */
export function nowIso(): string {
  return new Date().toISOString();
}
