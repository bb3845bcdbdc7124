import { act, screen } from '@testing-library/react';
import { vi } from 'vitest';

// The workspace's stages under a fake clock (src/ui/Later.tsx): what the page shows, and a frame.

/** Every text the page shows, in order. */
export const shown = () => screen.queryAllByText(/./).map((e) => e.textContent);

/** A display frame drawn, then the task queued from its animation frame. */
export const frame = () => {
  act(() => vi.advanceTimersToNextFrame());
  act(() => vi.advanceTimersByTime(1));
};
