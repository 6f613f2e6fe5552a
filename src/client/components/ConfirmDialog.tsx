import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  /** Whether the dialog is shown; the caller holds the state. */
  open: boolean;
  /** A question that names the action: "Anta Anna Adept som adept?" */
  title: string;
  /** What will happen, who is told, and whether it can be undone. */
  children: ReactNode;
  /** The button that does it, in words that say what it does ("Ja, anta"). */
  confirmLabel: string;
  /** Red confirm button for actions that end something for someone (decline, reject). */
  danger?: boolean;
  /** True while the action runs: the buttons wait. */
  pending?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A confirmation before an action that cannot be undone, as a modal <dialog>: the browser keeps
 * focus inside it, Escape cancels, and focus returns to what opened it. The question is its
 * accessible name and the consequences its description. Cancel has focus first, so that a hurried
 * Enter does nothing irreversible.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  pending,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      // Back where the person was, if that is still on the page.
      if (opener.current?.isConnected) opener.current.focus();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} className="confirm-dialog-body">
        {children}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className={danger ? 'button button-danger-solid' : 'button button-primary'}
          disabled={pending}
          aria-busy={pending}
          onClick={onConfirm}
        >
          {pending ? t('common.working') : confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="button" disabled={pending} onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
