/** A right-click menu: items with their shortcuts, separators and headings; Escape or a click elsewhere closes it. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export type MenuItem =
  | { label: string; shortcut?: string; onSelect: () => void; disabled?: boolean; danger?: boolean; testId?: string }
  | { heading: string }
  | 'separator';

export interface MenuState {
  x: number;
  y: number;
  items: MenuItem[];
}

export function ContextMenu(props: { menu: MenuState; onClose: () => void; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: props.menu.x, top: props.menu.y });
  // Keep the menu inside the window.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setPos({ left: Math.max(4, Math.min(props.menu.x, window.innerWidth - box.width - 4)), top: Math.max(4, Math.min(props.menu.y, window.innerHeight - box.height - 4)) });
  }, [props.menu]);
  useEffect(() => {
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e.type === 'mousedown' && ref.current?.contains(e.target as Node)) return;
      props.onClose();
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('keydown', close, true);
    window.addEventListener('blur', close);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('blur', close);
    };
  }, [props]);
  return (
    <div ref={ref} className="context-menu" role="menu" data-testid={props.testId ?? 'context-menu'} style={pos} onContextMenu={(e) => e.preventDefault()}>
      {props.menu.items.map((item, i) =>
        item === 'separator' ? (
          <div key={i} className="cm-sep" role="separator" />
        ) : 'heading' in item ? (
          <div key={i} className="cm-heading">{item.heading}</div>
        ) : (
          <button
            key={i}
            type="button"
            role="menuitem"
            className={`cm-item${item.danger ? ' danger' : ''}`}
            disabled={item.disabled}
            data-testid={item.testId}
            // mousedown keeps the editor's selection (a click would move focus first).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              props.onClose();
              item.onSelect();
            }}
          >
            <span>{item.label}</span>
            {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
          </button>
        ),
      )}
    </div>
  );
}
