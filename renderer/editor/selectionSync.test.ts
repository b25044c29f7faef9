import { describe, expect, it } from 'vitest';
import { caretMoveFor, selectionSource } from './selectionSync';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('selection sync rules', () => {
  it('reads the DOM only when Slate changed nothing since the last render', () => {
    expect(selectionSource(false, true)).toBe('read-dom');
    expect(selectionSource(false, false)).toBe('read-dom');
    // Slate moved the selection (← →, a command): its selection is the newer one.
    expect(selectionSource(true, true)).toBe('show-model');
    // Content changed and is not drawn yet: draw before anything reads or moves the caret.
    expect(selectionSource(true, false)).toBe('render-first');
  });

  it('moves the caret itself for ↑ ↓ Home End and Ctrl+Home/End, as the browser would', () => {
    expect(caretMoveFor(key('ArrowUp'))).toEqual(['backward', 'line']);
    expect(caretMoveFor(key('ArrowDown'))).toEqual(['forward', 'line']);
    expect(caretMoveFor(key('Home'))).toEqual(['backward', 'lineboundary']);
    expect(caretMoveFor(key('End'))).toEqual(['forward', 'lineboundary']);
    expect(caretMoveFor(key('Home', { ctrlKey: true }))).toEqual(['backward', 'documentboundary']);
    expect(caretMoveFor(key('End', { ctrlKey: true }))).toEqual(['forward', 'documentboundary']);
  });

  it('leaves other keys to Slate (← → are model moves) or the browser', () => {
    for (const k of ['ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'a', 'Enter', 'Backspace', 'Process']) expect(caretMoveFor(key(k)), k).toBeUndefined();
    expect(caretMoveFor(key('ArrowUp', { ctrlKey: true }))).toBeUndefined();
    expect(caretMoveFor(key('ArrowUp', { altKey: true }))).toBeUndefined();
    expect(caretMoveFor(key('Home', { metaKey: true }))).toBeUndefined();
  });
});
