import { useEffect } from 'react';

/** Single-key shortcuts (j, k, v, r…) outside text fields and while no dialog is open. */
export function useShortcuts(actions: Record<string, () => void>, suspended: boolean) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || suspended) return;
      const target = event.target as HTMLElement;
      const typing =
        target.isContentEditable ||
        ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
        (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
      if (typing) return;
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, suspended]);
}
