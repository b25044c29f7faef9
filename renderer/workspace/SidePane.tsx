/**
 * The workspace's right-hand pane: a tab bar and the active tab's page. Pages given as `kept` stay mounted
 * (parked out of sight) when another tab is shown — the preview and the issue layout keep laying out.
 */
import type { ReactNode } from 'react';
import { t } from '../i18n';

export type Panel = 'preview' | 'thumbnails' | 'toc' | 'find' | 'checks' | 'history';
export const PANELS: Panel[] = ['preview', 'thumbnails', 'toc', 'find', 'checks', 'history'];

export function SidePane(props: {
  panel: Panel;
  onPanel: (panel: Panel) => void;
  badges: Partial<Record<Panel, number>>;
  kept: Partial<Record<Panel, ReactNode>>;
  /** The active tab's page when it is not one of the kept ones. */
  active: ReactNode;
}) {
  const { panel } = props;
  return (
    <aside className="side-pane">
      <div className="tabs" role="tablist">
        {PANELS.map((p) => (
          <button key={p} type="button" role="tab" aria-selected={panel === p} className={`tab${panel === p ? ' active' : ''}`} data-testid={`tab-${p}`} onClick={() => props.onPanel(p)}>
            {t.panels[p]}
            {props.badges[p] ? <span className="badge">{props.badges[p]}</span> : null}
          </button>
        ))}
      </div>
      <div className="side-content">
        {Object.entries(props.kept).map(([p, page]) => (
          <div key={p} className={panel === p ? 'tab-page' : 'tab-page parked'}>
            {page}
          </div>
        ))}
        {panel in props.kept ? null : props.active}
      </div>
    </aside>
  );
}
