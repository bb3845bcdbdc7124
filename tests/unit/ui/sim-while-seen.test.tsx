// @vitest-environment jsdom
import './component-kit';
import { act, render, screen } from '@testing-library/react';
import type * as ReactModule from 'react';
import { startTransition } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { playbackStore } from '../../../src/store/playback-store';
import { simStore } from '../../../src/store/sim-store';
import { PLAYING_MS, useSimWhileSeen } from '../../../src/ui/use-sim-while-seen';

// Issue 14: a part of the page out of view (the timeline, the charts) follows the machine twice
// a second, and never inside the frame that brought the change — there, on a slow laptop, the
// frame and a whole timeline's redraw made one long task twice a second.

// Watched, to see which updates are handed to React as transitions (rendered in slices).
vi.mock('react', async (actual) => {
  const react = await actual<typeof ReactModule>();
  return { ...react, startTransition: vi.fn(react.startTransition) };
});

function Clock({ seen, playingMs }: { readonly seen: boolean; readonly playingMs?: number }) {
  return <output data-testid="clock">{useSimWhileSeen(seen, playingMs).t}</output>;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(startTransition).mockClear();
});

/** A frame arriving `ms` after the last one, with the machine at `t`, and the task after it. */
const frameAfter = (ms: number) => (t: number) => {
  act(() => vi.advanceTimersByTime(ms));
  act(() => simStore.setState({ t }));
  act(() => vi.advanceTimersByTime(0));
};
const shown = () => screen.getByTestId('clock');
afterEach(() => {
  vi.useRealTimers();
  playbackStore.setState({ playing: false, paced: false });
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

it('playing, the parts in view take a frame in the task after the frame’s own, all in one', () => {
  render(
    <>
      <Clock seen playingMs={PLAYING_MS} />
      <Clock seen playingMs={PLAYING_MS} />
    </>,
  );
  act(() => playbackStore.setState({ playing: true }));
  act(() => vi.advanceTimersByTime(100));
  act(() => simStore.setState({ t: 31 }));
  // Not inside the frame's task (its message, the dots), where React's redraw made it long…
  expect(screen.getAllByTestId('clock').map((c) => c.textContent)).toEqual(['0', '0']);
  // …but in one task for both: one timer, one render.
  expect(vi.getTimerCount()).toBe(1);
  act(() => vi.advanceTimersByTime(0));
  expect(screen.getAllByTestId('clock').map((c) => c.textContent)).toEqual(['31', '31']);
});

it('playing behind (paced), the machine’s drawing takes every other frame the page gets', () => {
  render(<Clock seen playingMs={PLAYING_MS} />);
  act(() => playbackStore.setState({ playing: true, paced: true }));
  // Paced, a frame comes every other animation frame: 33 ms apart.
  const frame = frameAfter(33);
  frame(1);
  expect(shown()).toHaveTextContent('1');
  frame(2);
  expect(shown()).toHaveTextContent('1');
  frame(3);
  expect(shown()).toHaveTextContent('3');
  // Caught up again: each of them.
  act(() => playbackStore.setState({ paced: false }));
  frame(4);
  expect(shown()).toHaveTextContent('4');
});

it('out of view while the machine plays, it is redrawn once a second, and nothing is lost', () => {
  render(<Clock seen={false} />);
  act(() => playbackStore.setState({ playing: true }));
  act(() => vi.advanceTimersByTime(2000));
  act(() => simStore.setState({ t: 11 }));
  act(() => vi.advanceTimersByTime(0));
  expect(screen.getByTestId('clock')).toHaveTextContent('11');
  act(() => simStore.setState({ t: 12 }));
  act(() => vi.advanceTimersByTime(600));
  expect(screen.getByTestId('clock')).toHaveTextContent('11');
  act(() => simStore.setState({ t: 13 }));
  act(() => vi.advanceTimersByTime(400));
  expect(screen.getByTestId('clock')).toHaveTextContent('13');
});

it('playing, the machine’s drawing follows at most a frame per PLAYING_MS; the last one still comes', () => {
  render(<Clock seen playingMs={PLAYING_MS} />);
  act(() => playbackStore.setState({ playing: true }));
  const frame = frameAfter(16);
  frame(1);
  expect(screen.getByTestId('clock')).toHaveTextContent('1');
  frame(2); // 16 ms later: skipped
  expect(screen.getByTestId('clock')).toHaveTextContent('1');
  frame(3); // 32 ms later: taken
  expect(screen.getByTestId('clock')).toHaveTextContent('3');
  frame(4);
  expect(screen.getByTestId('clock')).toHaveTextContent('3');
  // No frame comes after it (a pause): it is drawn all the same, soon.
  act(() => vi.advanceTimersByTime(100));
  expect(screen.getByTestId('clock')).toHaveTextContent('4');
  // Paused, every frame at once (a step, a seek).
  act(() => playbackStore.setState({ playing: false }));
  frame(5);
  frame(6);
  expect(screen.getByTestId('clock')).toHaveTextContent('6');
});

it('out of view, its redraw is a transition, rendered in slices; in view it is not', () => {
  const { rerender } = render(<Clock seen={false} />);
  act(() => vi.advanceTimersByTime(2000));
  act(() => simStore.setState({ t: 21 }));
  act(() => vi.advanceTimersByTime(0));
  expect(shown()).toHaveTextContent('21');
  expect(startTransition).toHaveBeenCalledTimes(1);
  // Back in view: current at once, and every frame drawn in one piece again.
  act(() => simStore.setState({ t: 22 }));
  rerender(<Clock seen />);
  expect(shown()).toHaveTextContent('22');
  act(() => simStore.setState({ t: 23 }));
  expect(shown()).toHaveTextContent('23');
  expect(startTransition).toHaveBeenCalledTimes(1);
  // Out of view again: what it shows is never the state from its earlier time out of view.
  rerender(<Clock seen={false} />);
  expect(shown()).toHaveTextContent('23');
});
