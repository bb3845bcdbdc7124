import { useEffect, useRef, type RefObject } from 'react';
import { countShell, runRequests } from './run-request';

/** Characters typed per animation frame: fast, but slow enough to be seen being typed. */
const PER_FRAME = 2;

/**
 * The shell's side of "Run this": counts this shell as present, and types each requested line
 * into the prompt a few characters a frame (scrolled into view, focused), then runs it as Enter
 * would. The line reaches the machine exactly as a typed one does.
 */
export function useTypedRuns(
  input: RefObject<HTMLInputElement | null>,
  setLine: (line: string) => void,
  run: (text: string) => void,
): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    countShell(1);
    let frame = 0;
    const unsubscribe = runRequests.subscribe((s, before) => {
      const req = s.request;
      if (!req || req === before.request) return;
      cancelAnimationFrame(frame);
      input.current?.scrollIntoView({ block: 'nearest' });
      input.current?.focus({ preventScroll: true });
      let typed = 0;
      const type = () => {
        typed = Math.min(req.line.length, typed + PER_FRAME);
        setLine(req.line.slice(0, typed));
        if (typed < req.line.length) frame = requestAnimationFrame(type);
        else latest.current(req.line);
      };
      frame = requestAnimationFrame(type);
    });
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      countShell(-1);
    };
  }, [input, setLine]);
}
