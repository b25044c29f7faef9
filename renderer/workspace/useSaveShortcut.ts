/**
 * Ctrl+S (⌘S) saves now and says so, as in Word; in a browser it would otherwise open "save page as".
 * Autosave already writes every change within a second: the shortcut flushes it and confirms.
 */
import { useEffect, useRef } from 'react';
import { isHotkey } from '../editor/hotkeys';
import { t } from '../i18n';
import { showToast } from '../ui';

export function useSaveShortcut(flush: () => Promise<void>, hasPending: () => boolean): void {
  const latest = useRef({ flush, hasPending });
  latest.current = { flush, hasPending };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isHotkey('mod+s', event)) return;
      event.preventDefault();
      const { flush: save, hasPending: unsaved } = latest.current;
      void save().then(() => showToast(unsaved() ? t.save.notSaved : t.save.savedNow, unsaved() ? 'error' : 'info'));
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
