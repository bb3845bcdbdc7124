import type { ConstantName } from '../../contract';
import type { ReactNode } from 'react';
import { select, type Selection } from '../../store/selection-store';
import { useT } from '../hooks';
import { CONSTANT_TITLES } from './constants';

/** Small building blocks of the inspector's panes. */

/** A name that selects what it names (a kernel, a CPU, a device…). */
export function Link({
  to,
  children,
  testid,
}: {
  readonly to: Selection;
  readonly children: ReactNode;
  readonly testid?: string;
}) {
  return (
    <button type="button" className="insp-link" data-testid={testid} onClick={() => select(to)}>
      {children}
    </button>
  );
}

export function Head({
  title,
  kind,
  testid,
}: {
  readonly title: ReactNode;
  readonly kind: string;
  readonly testid?: string;
}) {
  return (
    <div className="insp-head" data-testid={testid}>
      <h3>{title}</h3>
      <span className="insp-kind">{kind}</span>
    </div>
  );
}

/** A term and its value; rows with nothing to say are left out by the caller. */
export function Row({
  term,
  children,
  testid,
}: {
  readonly term: string;
  readonly children: ReactNode;
  readonly testid?: string;
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testid}>{children}</dd>
    </div>
  );
}

export function Facts({ children }: { readonly children: ReactNode }) {
  return <dl className="insp-kv">{children}</dl>;
}

export function Badge({
  children,
  tone,
}: {
  readonly children: ReactNode;
  readonly tone?: 'danger' | 'warn' | 'ok' | 'muted' | undefined;
}) {
  return <span className={`insp-badge${tone ? ` ${tone}` : ''}`}>{children}</span>;
}

/** A list of links (or a dash when there is none). */
export function LinkList({ items }: { readonly items: readonly ReactNode[] }) {
  const t = useT();
  if (items.length === 0) return <span className="muted">{t('inspector.none')}</span>;
  return <span className="insp-links">{items}</span>;
}

/** "Timings behind this": the model's constants, each opening its source and confidence. */
export function Timings({ names }: { readonly names: readonly ConstantName[] }) {
  const t = useT();
  return (
    <div className="insp-timings">
      <h4>{t('inspector.timings')}</h4>
      <LinkList
        items={names.map((n) => (
          <Link key={n} to={{ kind: 'constant', name: n }} testid={`timing-${n}`}>
            {t(CONSTANT_TITLES[n])}
          </Link>
        ))}
      />
    </div>
  );
}

export function Note({
  children,
  tone,
}: {
  readonly children: ReactNode;
  readonly tone?: 'danger' | 'warn' | undefined;
}) {
  return <p className={`insp-note${tone ? ` ${tone}` : ''}`}>{children}</p>;
}
