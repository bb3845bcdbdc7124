import type { ReactNode } from 'react';
import './group.css';

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
