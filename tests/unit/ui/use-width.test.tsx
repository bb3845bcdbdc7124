// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import type * as React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// useWidth (src/ui/use-width.ts): a new width is drawn in a transition while the machine is
// paused, and at once while it plays (a playing page's frames restart a transition for seconds).

const transitions = vi.hoisted(() => ({ count: 0 }));
vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof React>();
  return {
    ...react,
    startTransition: (fn: () => void) => {
      transitions.count++;
      react.startTransition(fn);
    },
  };
});

const { useWidth } = await import('../../../src/ui/use-width');
const { playbackStore, setPlaying } = await import('../../../src/store/playback-store');

/** The page's ResizeObservers: `resize` reports a new width for every box watched. */
const watched: ((w: number) => void)[] = [];
class FakeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe() {
    watched.push((width) =>
      this.callback(
        [{ contentRect: { width } } as unknown as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      ),
    );
  }
  disconnect() {}
}
const resize = (w: number) => act(() => watched.forEach((report) => report(w)));

function Measured() {
  const [ref, width] = useWidth();
  return (
    <div ref={ref} data-testid="box">
      {width}
    </div>
  );
}

beforeEach(() => {
  watched.length = 0;
  transitions.count = 0;
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  playbackStore.setState({ playing: false });
});

describe('useWidth', () => {
  it('0 until measured, then the width in whole pixels', async () => {
    render(<Measured />);
    expect(screen.getByTestId('box').textContent).toBe('0');
    await resize(640.7);
    expect(screen.getByTestId('box').textContent).toBe('640');
    await resize(0); // a box out of the layout (display: none) keeps its last width
    expect(screen.getByTestId('box').textContent).toBe('640');
  });

  it('paused, a new width comes in a transition', async () => {
    render(<Measured />);
    await resize(500);
    expect(transitions.count).toBe(1);
    expect(screen.getByTestId('box').textContent).toBe('500');
  });

  it('playing, a new width comes at once, not in a transition', async () => {
    render(<Measured />);
    setPlaying(true);
    await resize(720);
    expect(transitions.count).toBe(0);
    expect(screen.getByTestId('box').textContent).toBe('720');
  });
});
