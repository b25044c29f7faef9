// Minimal typings for the parts of Paged.js 0.4.3 the print page uses.
declare module 'pagedjs' {
  export class Handler {
    constructor(chunker: unknown, polisher: unknown, caller: unknown);
    chunker: unknown;
    polisher: unknown;
    caller: unknown;
  }
  export function registerHandlers(...handlers: Array<new (chunker: unknown, polisher: unknown, caller: unknown) => Handler>): void;
  export interface Flow {
    total: number;
    /** removeListeners: each page watches its own size (a ResizeObserver) until told to stop. */
    pages: Array<{ element: HTMLElement; removeListeners?(): void }>;
    performance: number;
  }
  export class Chunker {
    loadFonts(): Promise<unknown>;
  }
  export class Previewer {
    constructor(options?: Record<string, unknown>);
    polisher: { destroy(): void };
    chunker: { hooks: Record<string, unknown> };
    preview(content: DocumentFragment | HTMLElement | string, stylesheets: Array<string | Record<string, string>>, renderTo: HTMLElement): Promise<Flow>;
  }
}

declare module '*.css?raw' {
  const text: string;
  export default text;
}

declare module '*.css';
