// @vitest-environment jsdom
import './component-kit';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { simStore } from '../../../src/store/sim-store';
import { useSimWhileSeen } from '../../../src/ui/use-sim-while-seen';

// Issue 14: a part of the page out of view (the timeline, the charts) follows the machine twice
// a second, and never inside the frame that brought the change — there, on a slow laptop, the
// frame and a whole timeline's redraw made one long task twice a second.

function Clock({ seen }: { readonly seen: boolean }) {
  return <output data-testid="clock">{useSimWhileSeen(seen).t}</output>;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it('in view, it follows every frame at once', () => {
  render(<Clock seen />);
  act(() => simStore.setState({ t: 5 }));
  expect(screen.getByTestId('clock')).toHaveTextContent('5');
});

it('out of view, it is redrawn in a task after the frame’s, not inside it, at most twice a second', () => {
  render(<Clock seen={false} />);
  // Long after the last redraw: still not inside the frame's task.
  act(() => vi.advanceTimersByTime(2000));
  act(() => simStore.setState({ t: 7 }));
  expect(screen.getByTestId('clock')).toHaveTextContent('0');
  act(() => vi.advanceTimersByTime(0));
  expect(screen.getByTestId('clock')).toHaveTextContent('7');
  // Just redrawn: the next change waits for the half second to pass, and nothing is lost.
  act(() => simStore.setState({ t: 8 }));
  act(() => simStore.setState({ t: 9 }));
  act(() => vi.advanceTimersByTime(400));
  expect(screen.getByTestId('clock')).toHaveTextContent('7');
  act(() => vi.advanceTimersByTime(100));
  expect(screen.getByTestId('clock')).toHaveTextContent('9');
});
