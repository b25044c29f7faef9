/** Minimal hotkey matching: 'mod+b', 'mod+alt+1', 'mod+shift+z' (mod = Ctrl, or ⌘ on macOS). */
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function isHotkey(hotkey: string, event: KeyboardEvent | React.KeyboardEvent): boolean {
  const parts = hotkey.toLowerCase().split('+');
  const key = parts[parts.length - 1];
  const want = { mod: parts.includes('mod'), alt: parts.includes('alt'), shift: parts.includes('shift') };
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (mod !== want.mod || event.altKey !== want.alt || event.shiftKey !== want.shift) return false;
  const pressed = event.key.toLowerCase();
  if (pressed === key) return true;
  // With Alt (Option on macOS) the key may produce another character: fall back to the physical key.
  const code = event.code.toLowerCase();
  return code === `key${key}` || code === `digit${key}` || (key === 'enter' && code === 'enter');
}

export function hotkeyLabel(hotkey: string): string {
  return hotkey
    .split('+')
    .map((p) => (p === 'mod' ? (isMac ? '⌘' : 'Ctrl') : p === 'alt' ? (isMac ? '⌥' : 'Alt') : p === 'shift' ? 'Shift' : p === 'enter' ? 'Enter' : p.toUpperCase()))
    .join(isMac ? '' : '+');
}
