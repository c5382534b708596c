import { useState } from 'react';
import { CheckIcon, CopyIcon } from './icons.js';

/** Copies with the Clipboard API, or with a selection where it is not allowed (some iframes). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

export function CopyButton({ text, label = 'Copy', className = 'btn btn-sm' }: { text: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className={className}
      aria-label={copied ? `${label}: copied` : label}
      onClick={async () => {
        if (await copyText(text)) {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }
      }}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      <span>{copied ? 'Copied' : 'Copy'}</span>
    </button>
  );
}

/** A value to paste somewhere else, with its own copy button. */
export function CopyField({ value, label, secret = false, testId }: { value: string; label: string; secret?: boolean; testId?: string }) {
  return (
    <div className={`copy-field${secret ? ' secret' : ''}`}>
      <code data-testid={testId} aria-label={label}>
        {value}
      </code>
      <CopyButton text={value} label={`Copy ${label}`} className="btn btn-sm" />
    </div>
  );
}
