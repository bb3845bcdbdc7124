import { useId, type ReactNode } from 'react';
import { useT } from '../hooks';
import type { FieldError } from './parse';
import './fields.css';

// The sandbox forms' fields: a label, the control, its error and hint, wired for screen readers.

interface FieldBase {
  readonly label: string;
  readonly error?: FieldError | undefined;
  readonly hint?: ReactNode;
  readonly testid?: string;
  readonly wide?: boolean;
  /** A select with long labels: twice the room of a plain field. */
  readonly long?: boolean;
}

function FieldShell({
  id,
  label,
  error,
  hint,
  wide,
  long,
  children,
}: FieldBase & { readonly id: string; readonly children: ReactNode }) {
  const t = useT();
  return (
    <div className={`sbx-field${wide ? ' wide' : long ? ' long' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="sbx-error" id={`${id}-err`}>
          {t(error.key, error.params)}
        </span>
      ) : null}
      {hint ? (
        <span className="sbx-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error: unknown, hint: unknown) =>
  [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

export function TextField({
  value,
  onChange,
  placeholder,
  numeric,
  ...base
}: FieldBase & {
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly placeholder?: string;
  readonly numeric?: boolean;
}) {
  const id = useId();
  return (
    <FieldShell id={id} {...base}>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        inputMode={numeric ? 'numeric' : undefined}
        size={numeric ? 8 : 14}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.error, base.hint)}
        data-testid={base.testid}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly disabled?: boolean;
}

export function SelectField({
  value,
  onChange,
  options,
  empty,
  ...base
}: FieldBase & {
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly options: readonly Option[];
  /** Shown (disabled) when there is nothing to choose. */
  readonly empty?: string;
}) {
  const id = useId();
  return (
    <FieldShell id={id} {...base}>
      <select
        id={id}
        value={options.length ? value : ''}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(id, base.error, base.hint)}
        data-testid={base.testid}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.length === 0 ? (
          <option value="" disabled>
            {empty ?? '—'}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A 0–1000 ‰ load slider with its value beside it. */
export function LoadField({
  value,
  onChange,
  ...base
}: FieldBase & { readonly value: number; readonly onChange: (v: number) => void }) {
  const id = useId();
  const t = useT();
  return (
    <FieldShell id={id} {...base}>
      <span className="sbx-range">
        <input
          id={id}
          type="range"
          min={0}
          max={1000}
          step={10}
          value={value}
          aria-valuetext={t('sandbox.permille', { n: value })}
          aria-describedby={describedBy(id, base.error, base.hint)}
          data-testid={base.testid}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <output htmlFor={id}>{t('sandbox.permille', { n: value })}</output>
      </span>
    </FieldShell>
  );
}

/** A checkbox drawn as a switch; `role="switch"` so it is read as on/off. */
export function Switch({
  checked,
  onChange,
  label,
  hint,
  testid,
  disabled,
}: {
  readonly checked: boolean;
  readonly onChange: (on: boolean) => void;
  readonly label: string;
  readonly hint?: string;
  readonly testid?: string;
  readonly disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="sbx-switch">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testid}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="sbx-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
