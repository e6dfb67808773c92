import { useEffect, useState, type ReactNode } from 'react';
import { copyText } from '../lib/copy-text';
import { announce } from './announcer';

interface CopyButtonProps {
  text: string | (() => string);
  label: ReactNode;
  /** Shown as a tooltip; the visible label stays the accessible name, so voice control finds it. */
  title: string;
  /** `quiet` drops the outline, for rows of small actions. */
  variant?: 'outline' | 'quiet' | 'accent';
  className?: string;
  /** Left out on a narrow screen (with `max-sm:hidden` in `className`): a toolbar's keys then pass it by. */
  narrowHidden?: boolean;
}

const VARIANTS = {
  outline: 'border border-zinc-300 px-2 py-1 font-medium text-zinc-700 dark:border-zinc-700 dark:text-zinc-300',
  quiet: 'px-1.5 py-0.5 text-zinc-600 dark:text-zinc-400',
  accent: 'border border-indigo-300 px-2.5 py-1 font-medium text-indigo-700 dark:border-indigo-800 dark:text-indigo-300',
};

export function CopyButton({ text, label, title, variant = 'outline', className = '', narrowHidden = false }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      title={title}
      data-narrow-hidden={narrowHidden ? '' : undefined}
      onClick={async () => {
        const copied = await copyText(typeof text === 'function' ? text() : text);
        setState(copied ? 'copied' : 'failed');
        announce(copied ? 'Copied' : 'Copy failed');
      }}
      className={`inline-flex items-center gap-1 rounded-md text-xs hover:bg-zinc-100 dark:hover:bg-zinc-800 ${VARIANTS[variant]} ${className}`}
    >
      {typeof label === 'string' && state !== 'failed' ? (
        // The label and "Copied" share one cell, the other drawn invisibly by CSS (no text of the button's own), so
        // the button keeps its width and the buttons beside it stay put.
        <span className="inline-grid text-center">
          <span className="col-start-1 row-start-1">{state === 'copied' ? 'Copied' : label}</span>
          <span aria-hidden="true" data-size={state === 'copied' ? label : 'Copied'} className="invisible col-start-1 row-start-1 after:content-[attr(data-size)]" />
        </span>
      ) : state === 'copied' ? (
        'Copied'
      ) : state === 'failed' ? (
        'Copy failed'
      ) : (
        label
      )}
    </button>
  );
}
