import type { AppliedInput, Input } from '../../contract';
import { useId, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { pushInput } from '../../store/input-store';
import { simStore } from '../../store/sim-store';
import { useT } from '../hooks';
import type { FieldError } from './parse';

/**
 * Shared pieces of the sandbox forms. Every action ends in `send(input)`, which calls
 * `pushInput(input)` — the one way to act on the machine — and remembers the input, so a refusal
 * of *that* input (simStore.rejected) can be shown next to the form that sent it.
 */
export function useSend(): {
  readonly send: (input: Input) => void;
  readonly refusal: AppliedInput | undefined;
} {
  const [sent, setSent] = useState<{
    readonly input: string;
    readonly before: readonly AppliedInput[];
  } | null>(null);
  const rejected = useStore(simStore, (s) => s.rejected);
  let refusal: AppliedInput | undefined;
  if (sent) {
    for (let i = rejected.length - 1; i >= 0; i--) {
      const r = rejected[i] as AppliedInput;
      // Entries already there when we sent belong to someone else (the store keeps references).
      if (sent.before.includes(r)) break;
      if (JSON.stringify(r.input) === sent.input) {
        refusal = r;
        break;
      }
    }
  }
  const send = (input: Input) => {
    setSent({ input: JSON.stringify(input), before: simStore.getState().rejected });
    pushInput(input);
  };
  return { send, refusal };
}

/** The machine's own "no" to the form's last input, with its errno, as the kernel would say it. */
export function Refusal({ refusal }: { readonly refusal: AppliedInput | undefined }) {
  const t = useT();
  if (!refusal || refusal.result.ok) return null;
  return (
    <p className="sbx-refusal" role="status" data-testid="form-refusal">
      {t('sandbox.refused', { code: `-${refusal.result.code}`, message: refusal.result.message })}
    </p>
  );
}

export type Errors = Readonly<Record<string, FieldError | undefined>>;

/** Errors of one form: set on submit, each cleared as soon as its field changes. */
export function useErrors() {
  const [errors, setErrors] = useState<Errors>({});
  const clear = (field: string) => {
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };
  return { errors, setErrors, clear };
}

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

/**
 * One action: a titled form (Enter submits) with an optional sentence about what it models,
 * its fields, its buttons, and the machine's refusal of its last input.
 */
export function ActionForm({
  title,
  about,
  onSubmit,
  refusal,
  children,
  actions,
  tone,
  testid,
}: {
  readonly title: string;
  readonly about?: ReactNode;
  readonly onSubmit: () => void;
  readonly refusal: AppliedInput | undefined;
  readonly children?: ReactNode;
  readonly actions: ReactNode;
  readonly tone?: 'danger';
  readonly testid?: string;
}) {
  const titleId = useId();
  return (
    <form
      className={`sbx-form${tone ? ` ${tone}` : ''}`}
      aria-labelledby={titleId}
      noValidate
      data-testid={testid}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={titleId}>{title}</h3>
      {about ? <p className="sbx-about">{about}</p> : null}
      {children ? <div className="sbx-fields">{children}</div> : null}
      <div className="sbx-actions">{actions}</div>
      <Refusal refusal={refusal} />
    </form>
  );
}

/** A group of actions that folds away: a `<details>` with a summary line. */
export function Group({
  title,
  summary,
  open,
  children,
  testid,
}: {
  readonly title: string;
  readonly summary?: string;
  readonly open?: boolean;
  readonly children: ReactNode;
  readonly testid?: string;
}) {
  return (
    <details className="sbx-group" open={open} data-testid={testid}>
      <summary
        onKeyDown={(e) => {
          // Space opens the group here; the page-wide Space (play/pause) must not take it.
          if (e.key === ' ') e.stopPropagation();
        }}
      >
        <span className="sbx-group-title">{title}</span>
        {summary ? <span className="sbx-group-sum">{summary}</span> : null}
      </summary>
      <div className="sbx-group-body">{children}</div>
    </details>
  );
}
