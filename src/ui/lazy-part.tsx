import { useEffect, useState, type ReactElement } from 'react';
import { LaterBox } from './Later';

/**
 * The workspace's parts whose code loads when their box is drawn (LaterBox), not with the first
 * screen: the shell and the sandbox (one chunk, ./Workbench), the timeline and the charts (with
 * d3's scales and shapes, theirs alone). On a phone that has not scrolled to them their chunk's
 * evaluation and its stylesheet's restyle of the whole page were two more long tasks of the load;
 * and every byte the first screen loads before its first picture is time on a slow line
 * (issue 14: the timeline and the charts were ≈ 20 KB gzip of the page's first script).
 */
const PARTS = {
  shell: () => import('./Workbench').then((m) => m.workbench().shell),
  sandbox: () => import('./Workbench').then((m) => m.workbench().sandbox),
  timeline: () => import('./timeline/Timeline').then(({ Timeline }) => <Timeline />),
  metrics: () => import('./metrics/Metrics').then(({ Metrics }) => <Metrics />),
} satisfies Record<string, () => Promise<ReactElement>>;
export type LazyPartName = keyof typeof PARTS;

/**
 * Not `lazy()`: React renders a lazy part's arrival at a priority that never expires and that
 * every frame's update interrupts; a big machine's frames kept it from finishing, and the shell
 * and the sandbox never appeared (while the page built and threw away their elements every
 * frame). A state set when the code is there renders at once. (Not a transition either: set in
 * one, the slide export from the sandbox lost about one run in ten of its downloads — 2 of 20 in
 * e2e, 0 of 28 without; the cause was not found, so the update stays a default one, kept small:
 * only the part renders when its code arrives — held by the workspace, the arrival drew the
 * whole workspace again in one task.)
 */
function PartCode({ part }: { readonly part: LazyPartName }) {
  const [loaded, setLoaded] = useState<ReactElement | null>(null);
  useEffect(() => {
    let live = true;
    void PARTS[part]().then((element) => {
      if (live) setLoaded(element);
    });
    return () => {
      live = false;
    };
  }, [part]);
  // Until its code is in, the part keeps the room its waiting box had (main-screen.css): an empty
  // box between the two moved what is below it, twice. It still waits (`data-waiting`): its
  // arrival is the part's first render, one task (a default update, above) — part of the page's
  // opening, which bench:ui and the gate's play wait out (scripts/play-measure.ts).
  return loaded ?? <div className="part-loading" data-waiting="" />;
}

/** A part's box, there from the first paint, and its code, loaded once the box is drawn. */
export function LazyPart({
  part,
  at,
  className,
  label,
}: {
  readonly part: LazyPartName;
  readonly at: number;
  readonly className: string;
  readonly label: string;
}) {
  return (
    <LaterBox at={at} className={className} label={label}>
      <PartCode part={part} />
    </LaterBox>
  );
}
