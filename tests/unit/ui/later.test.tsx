// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frame, shown } from './stage-clock';
import { Later, STAGE, useStagesStart } from '../../../src/ui/Later';

function Page() {
  useStagesStart();
  return (
    <>
      <p>machine</p>
      <Later at={STAGE.step}>
        <p>step</p>
      </Later>
      <Later at={STAGE.log}>
        <p>log</p>
      </Later>
      <Later at={STAGE.sandbox}>
        <p>sandbox</p>
      </Later>
    </>
  );
}

describe('the workspace mounts in stages', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('one stage a display frame, each after the last was drawn, until all are there; later mounts at once', () => {
    const first = render(<Page />);
    expect(shown()).toEqual(['machine']);
    // Nothing before a frame is drawn; the animation frame alone does not mount it either: the
    // task queued from it does, after that frame's paint.
    act(() => vi.advanceTimersByTime(1));
    expect(shown()).toEqual(['machine']);
    act(() => vi.advanceTimersToNextFrame());
    expect(shown()).toEqual(['machine']);
    act(() => vi.advanceTimersByTime(1));
    expect(shown()).toEqual(['machine', 'step']);
    // Stages nobody waits for still take their frame: the log is stage 4, three frames on.
    frame();
    frame();
    expect(shown()).toEqual(['machine', 'step']);
    frame();
    expect(shown()).toEqual(['machine', 'step', 'log']);
    act(() => vi.runAllTimers());
    expect(shown()).toEqual(['machine', 'step', 'log', 'sandbox']);
    first.unmount();
    // Another workspace (a lesson opened, the view switched): everything at once.
    render(<Page />);
    expect(shown()).toEqual(['machine', 'step', 'log', 'sandbox']);
  });
});
