import { useState, type ReactNode } from 'react';
import './group.css';

/**
 * A group of actions that folds away: a `<details>` with a summary line. Its forms are made the
 * first time it opens, then kept (what was typed in them stays): closed, a big machine's groups
 * held thousands of elements (every kernel and CPU listed in each form's choices) nobody saw.
 */
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
  const [opened, setOpened] = useState(open ?? false);
  return (
    <details
      className="sbx-group"
      open={open}
      data-testid={testid}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary
        onKeyDown={(e) => {
          // Space opens the group here; the page-wide Space (play/pause) must not take it.
          if (e.key === ' ') e.stopPropagation();
        }}
      >
        <span className="sbx-group-title">{title}</span>
        {summary ? <span className="sbx-group-sum">{summary}</span> : null}
      </summary>
      <div className="sbx-group-body">{opened ? children : null}</div>
    </details>
  );
}
