import type { AppliedInput } from '../../contract';
import { useId, type ReactNode } from 'react';
import { useT } from '../hooks';
import './action-form.css';

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
