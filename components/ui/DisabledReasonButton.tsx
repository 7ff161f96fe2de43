'use client';

import { useId, type ReactNode } from 'react';

/**
 * A button that stays visible when the action is not allowed, and says why. It uses aria-disabled rather than the
 * disabled attribute: a disabled button gets no pointer or focus events, so its reason could never be shown. The
 * reason appears on hover and on keyboard focus, and screen readers read it as the button's description.
 */
export function DisabledReasonButton({
  disabledReason,
  onClick,
  children,
  className = '',
  testId,
  type = 'button',
}: {
  /** Why the action cannot be taken now; undefined when it can. */
  disabledReason: string | undefined;
  onClick?: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  type?: 'button' | 'submit';
}) {
  const id = useId();
  const disabled = disabledReason !== undefined;
  return (
    <span className="group relative inline-flex">
      <button
        type={type}
        aria-disabled={disabled || undefined}
        aria-describedby={disabled ? id : undefined}
        data-testid={testId}
        onClick={(e) => {
          if (disabled) {
            e.preventDefault();
            return;
          }
          onClick?.();
        }}
        className={`${className} ${disabled ? 'cursor-not-allowed opacity-50' : ''}`}
      >
        {children}
      </button>
      {disabled && (
        <span
          id={id}
          role="tooltip"
          className="pointer-events-none invisible absolute right-0 top-full z-40 mt-1 w-max max-w-xs rounded bg-slate-900 px-2 py-1 text-xs font-normal text-white shadow-lg group-focus-within:visible group-hover:visible"
        >
          {disabledReason}
        </span>
      )}
    </span>
  );
}
