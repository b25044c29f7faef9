/**
 * The library file's state, shown on every screen: a banner when it opened read-only (nothing can be
 * saved), and 恢复: put an automatic backup in place of the library (the current file is kept aside by
 * main), then reload. Strings are kept here: they belong to this one strip.
 */
import { useEffect, useState } from 'react';
import { invoke } from '../api';

type Status = { readOnly: boolean; backups: Array<{ day: string; size: number }> };

export function LibraryHealth() {
  const [status, setStatus] = useState<Status | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [day, setDay] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    invoke('library.status', {}).then(setStatus, () => setStatus(null));
    const onMenu = (e: Event) => {
      if ((e as CustomEvent<string>).detail === 'restore') setChoosing(true);
    };
    window.addEventListener('gazette:menu', onMenu);
    return () => window.removeEventListener('gazette:menu', onMenu);
  }, []);

  const restore = async () => {
    const chosen = day || status?.backups[0]?.day;
    if (!chosen || !confirm(`用 ${chosen} 的备份替换当前资料库？当前文件会保留在资料库旁边。`)) return;
    try {
      const { restoredDay } = await invoke('library.restore', { day: chosen });
      setMessage(`已从 ${restoredDay} 的备份恢复，正在重新载入…`);
      setTimeout(() => location.reload(), 800);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  if (!status) return null;
  return (
    <>
      {status.readOnly ? (
        <div className="banner error library-banner" role="alert" data-testid="read-only-banner">
          资料库是只读的（文件或所在文件夹不可写），可以查看和导出，但修改不会保存。
        </div>
      ) : null}
      {choosing ? (
        <div className="banner library-banner" data-testid="restore-panel">
          {status.backups.length === 0 ? (
            <span>还没有自动备份（每天第一次打开资料库时自动备份，保留最近 7 份）。</span>
          ) : (
            <>
              <span>从备份恢复：</span>
              <select value={day || status.backups[0].day} onChange={(e) => setDay(e.target.value)} data-testid="restore-day">
                {status.backups.map((b) => (
                  <option key={b.day} value={b.day}>
                    {b.day}（{Math.max(1, Math.round(b.size / 1024))} KB）
                  </option>
                ))}
              </select>{' '}
              <button type="button" className="btn" onClick={() => void restore()} data-testid="restore-confirm">
                恢复
              </button>
            </>
          )}{' '}
          <button type="button" className="btn" onClick={() => setChoosing(false)}>
            关闭
          </button>
          {message ? <span className="library-banner-message"> {message}</span> : null}
        </div>
      ) : null}
    </>
  );
}

/** The 恢复 button of the library screen opens the panel above (as the menu item does in Electron). */
export function RestoreButton() {
  return (
    <button type="button" className="btn" data-testid="restore-button" onClick={() => window.dispatchEvent(new CustomEvent('gazette:menu', { detail: 'restore' }))}>
      恢复…
    </button>
  );
}
