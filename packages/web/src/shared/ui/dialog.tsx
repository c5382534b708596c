import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal dialog: focus moves into it, Escape and the backdrop close it, focus returns after. */
export function Dialog({ title, children, footer, onClose, wide = false }: { title: string; children: ReactNode; footer?: ReactNode; onClose: () => void; wide?: boolean }) {
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>('input, select, textarea, button:not([data-close]), [href]');
    (first ?? panel.current)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key === 'Tab' && panel.current) {
        const focusable = [...panel.current.querySelectorAll<HTMLElement>('input, select, textarea, button, [href]')].filter((element) => !element.hasAttribute('disabled'));
        const firstItem = focusable[0];
        const lastItem = focusable.at(-1);
        if (event.shiftKey && document.activeElement === firstItem) {
          event.preventDefault();
          lastItem?.focus();
        } else if (!event.shiftKey && document.activeElement === lastItem) {
          event.preventDefault();
          firstItem?.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id} ref={panel} tabIndex={-1}>
        <div className="dialog-header">
          <h2 id={id}>{title}</h2>
        </div>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-footer">{footer}</div> : null}
      </div>
    </div>
  );
}

/** "Are you sure?" for destructive actions. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  busy = false,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={<DialogActions label={confirmLabel} danger={danger} busy={busy} onAction={onConfirm} onCancel={onClose} />}
    >
      <div className="muted">{children}</div>
    </Dialog>
  );
}

interface DialogActionsProps {
  label: ReactNode;
  onCancel: () => void;
  /** Runs the action; without it the action is its form's submit button. */
  onAction?: () => void;
  busy?: boolean;
  disabled?: boolean;
  danger?: boolean;
}

/** A dialog's Cancel and its one action, which shows a spinner and is disabled while busy. */
export function DialogActions({ label, onCancel, onAction, busy = false, disabled = false, danger = false }: DialogActionsProps) {
  return (
    <>
      <button type="button" className="btn" onClick={onCancel} data-close>
        Cancel
      </button>
      <button type={onAction ? 'button' : 'submit'} className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`} onClick={onAction} disabled={busy || disabled}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {label}
      </button>
    </>
  );
}

/** The actions at the foot of a form in a dialog (its submit button). */
export function FormActions(props: Omit<DialogActionsProps, 'onAction'>) {
  return (
    <div className="row" style={{ justifyContent: 'flex-end' }}>
      <DialogActions {...props} />
    </div>
  );
}
