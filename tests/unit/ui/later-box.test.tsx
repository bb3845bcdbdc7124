// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { frame, shown } from './stage-clock';

// The parts below the first screen (LaterBox): they wait for their box to near the window, for the
// learner's first input, or for a quiet page. Each test loads Later.tsx afresh: its stages are the
// page's, started once.

/** The page's IntersectionObservers, and a way to bring a box into view. */
const observers: { box: Element; report: (near: boolean) => void; live: boolean }[] = [];
class FakeObserver {
  readonly entries: { box: Element; report: (near: boolean) => void; live: boolean }[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(box: Element) {
    const entry = {
      box,
      live: true,
      report: (near: boolean) => {
        if (!entry.live) return;
        const e = { isIntersecting: near, target: box } as unknown as IntersectionObserverEntry;
        this.callback([e], this as unknown as IntersectionObserver);
      },
    };
    this.entries.push(entry);
    observers.push(entry);
  }
  disconnect() {
    for (const e of this.entries) e.live = false;
  }
}

async function page() {
  vi.resetModules();
  const { Later, LaterBox, STAGE, QUIET_MS, useStagesStart } =
    await import('../../../src/ui/Later');
  const { setPlaying } = await import('../../../src/store/playback-store');
  function Page() {
    useStagesStart();
    return (
      <>
        <p>machine</p>
        <Later at={STAGE.step}>
          <p>step</p>
        </Later>
        <LaterBox at={STAGE.timeline} className="timeline-area" label="Timeline">
          <p>timeline</p>
        </LaterBox>
        <LaterBox at={STAGE.shell} className="shell-area" label="Shell">
          <p>shell</p>
        </LaterBox>
        <LaterBox at={STAGE.sandbox} className="sandbox-area" label="Sandbox">
          <p>sandbox</p>
        </LaterBox>
      </>
    );
  }
  const view = render(<Page />);
  /** The workspace drawn again (another machine loaded). */
  const again = () => {
    view.unmount();
    render(<Page />);
  };
  return { QUIET_MS, setPlaying, again };
}

/** All the load's stages (8), and one frame for the observers to report. */
const load = () => {
  for (let i = 0; i < 9; i++) frame();
};
const boxOf = (label: string) => screen.getByRole('region', { name: label });
const bringNear = (label: string) =>
  act(() => {
    for (const o of observers) if (o.box === boxOf(label)) o.report(true);
  });

describe('parts below the first screen', () => {
  beforeEach(() => {
    observers.length = 0;
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keep their boxes empty through the load, and fill the one that nears the window', async () => {
    await page();
    load();
    expect(shown()).toEqual(['machine', 'step']);
    // The boxes are there (nothing below moves when a part arrives); only their parts wait.
    expect(boxOf('Timeline').childElementCount).toBe(0);
    expect(boxOf('Sandbox').childElementCount).toBe(0);
    expect(boxOf('Sandbox').hasAttribute('data-waiting')).toBe(true);
    // A report that the box is still far away changes nothing.
    act(() => {
      for (const o of observers) o.report(false);
    });
    expect(shown()).toEqual(['machine', 'step']);
    bringNear('Shell');
    // Filled in the next frame's task, not inside the observer's callback.
    expect(shown()).toEqual(['machine', 'step']);
    frame();
    expect(shown()).toEqual(['machine', 'step', 'shell']);
    expect(boxOf('Shell').hasAttribute('data-waiting')).toBe(false);
    // A fast scroll brings two at once: one a frame.
    bringNear('Timeline');
    bringNear('Sandbox');
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell']);
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell', 'sandbox']);
  });

  it('come after the learner first does anything, one a frame, not all in one task', async () => {
    await page();
    load();
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    });
    expect(shown()).toEqual(['machine', 'step']);
    // One waiting part a frame, in stage order (timeline 5, shell 7, sandbox 8); the stages
    // nobody waits at take no frame.
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline']);
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell']);
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell', 'sandbox']);
  });

  it('woken while the page is busy, come one per idle moment, each with a deadline', async () => {
    const idle: (() => void)[] = [];
    const deadlines: (number | undefined)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, o?: { timeout?: number }) => {
      idle.push(run);
      deadlines.push(o?.timeout);
      return idle.length;
    });
    await page();
    load();
    act(() => {
      window.dispatchEvent(new PointerEvent('pointerdown'));
    });
    // No frame brings them now: only idle moments (or their deadline) do, one stage each.
    for (let i = 0; i < 8; i++) frame();
    expect(shown()).toEqual(['machine', 'step']);
    const next = () => act(() => idle.shift()?.());
    next();
    expect(shown()).toEqual(['machine', 'step', 'timeline']);
    next();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell']);
    next();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell', 'sandbox']);
    expect(idle).toHaveLength(0);
    // Three waiting parts, three idle requests (on a busy page each may wait its deadline: the
    // stages nobody waits at must not cost one), none without a deadline.
    expect(deadlines).toHaveLength(3);
    expect(deadlines.every((d) => d !== undefined && d > 0 && d <= 2000)).toBe(true);
  });

  it('come once the page has been left alone for a while', async () => {
    const { QUIET_MS } = await page();
    load();
    act(() => vi.advanceTimersByTime(QUIET_MS - 100));
    expect(shown()).toEqual(['machine', 'step']);
    act(() => vi.advanceTimersByTime(100));
    for (let i = 0; i < 3; i++) frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell', 'sandbox']);
  });

  it('woken while the machine plays, wait for the pause, unless their box nears the window', async () => {
    const { QUIET_MS, setPlaying, again } = await page();
    load();
    act(() => setPlaying(true));
    act(() => {
      window.dispatchEvent(new PointerEvent('pointerdown'));
    });
    act(() => vi.advanceTimersByTime(QUIET_MS));
    for (let i = 0; i < 8; i++) frame();
    expect(shown()).toEqual(['machine', 'step']);
    // The learner scrolls to the shell while it plays: that one comes.
    bringNear('Shell');
    frame();
    expect(shown()).toEqual(['machine', 'step', 'shell']);
    // Another machine loaded while playing: the shell the learner had comes back at once.
    again();
    load();
    expect(shown()).toEqual(['machine', 'step', 'shell']);
    act(() => setPlaying(false));
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell']);
    // Played again before the rest came: the rest waits again, and comes at the next pause.
    act(() => setPlaying(true));
    for (let i = 0; i < 4; i++) frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell']);
    act(() => setPlaying(false));
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell', 'sandbox']);
  });

  it('woken while the machine plays, come at a Tab: the focus order needs them', async () => {
    const { setPlaying } = await page();
    load();
    act(() => setPlaying(true));
    act(() => {
      window.dispatchEvent(new PointerEvent('pointerdown'));
    });
    for (let i = 0; i < 4; i++) frame();
    expect(shown()).toEqual(['machine', 'step']);
    // Another key (Space plays and pauses) does not bring them.
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    });
    for (let i = 0; i < 4; i++) frame();
    expect(shown()).toEqual(['machine', 'step']);
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    });
    for (let i = 0; i < 3; i++) frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline', 'shell', 'sandbox']);
  });

  it('are watched only from their stage on: a box near the window comes at its stage', async () => {
    await page();
    for (let i = 0; i < 4; i++) frame();
    // Before its stage, the timeline's box is not watched at all.
    expect(observers.map((o) => o.box)).not.toContain(boxOf('Timeline'));
    frame();
    // Stage 5: watched; the observer's first report (the box is near) brings it.
    expect(shown()).toEqual(['machine', 'step']);
    bringNear('Timeline');
    frame();
    expect(shown()).toEqual(['machine', 'step', 'timeline']);
    // Once shown it is no longer watched; the shell's box is not watched before its stage.
    expect(observers.find((o) => o.box === boxOf('Timeline'))?.live).toBe(false);
    expect(observers.map((o) => o.box)).not.toContain(boxOf('Shell'));
  });
});
