import { useEffect } from 'react';
import { type Location, useBlocker } from 'react-router';

/**
 * Warns before unsaved changes are lost: the browser's own question when the tab is closed or
 * reloaded, and a plain confirm dialog with `message` when the person goes elsewhere in the app
 * (links, back and forward). `keepsChanges(next, current)` names navigations that do not lose them,
 * such as moving between the sections of one editor.
 */
export function useUnsavedChangesWarning(
  unsaved: boolean,
  message: string,
  keepsChanges?: (next: Location, current: Location) => boolean,
): void {
  useEffect(() => {
    if (!unsaved) return;
    function warn(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && !(keepsChanges?.(nextLocation, currentLocation) ?? false),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(message)) blocker.proceed();
    else blocker.reset();
  }, [blocker, message]);
}
