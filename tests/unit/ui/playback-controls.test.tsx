// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { en, fakeControls, liveMachine, speak } from './component-kit';
import { PlaybackControls } from '../../../src/ui/PlaybackControls';
import { changeSpeed, playbackStore, SPEEDS } from '../../../src/store/playback-store';
import { simStore } from '../../../src/store/sim-store';

const playButton = () => screen.getByTestId('play-toggle');
const speedIndex = () => playbackStore.getState().speedIndex;

describe('PlaybackControls: play and pause', () => {
  it('toggles the playback store and says what the button will do next', async () => {
    const user = userEvent.setup();
    render(<PlaybackControls />);
    // The lab opens paused: nothing runs before the learner asks (issue 14).
    expect(playButton()).toHaveAccessibleName(en('controls.play'));
    expect(playButton()).toHaveAttribute('aria-pressed', 'false');

    await user.click(playButton());
    expect(playbackStore.getState().playing).toBe(true);
    expect(playButton()).toHaveAccessibleName(en('controls.pause'));
    expect(playButton()).toHaveAttribute('aria-pressed', 'true');

    await user.click(playButton());
    expect(playbackStore.getState().playing).toBe(false);
    expect(playButton()).toHaveAccessibleName(en('controls.play'));
  });

  it('follows the store when something else (the space key) pauses', () => {
    render(<PlaybackControls />);
    act(() => playbackStore.setState({ playing: false }));
    expect(playButton()).toHaveAccessibleName(en('controls.play'));
  });
});

describe('PlaybackControls: speed on the log scale', () => {
  it('moves one step per click and shows the speed in simulated time per second', async () => {
    const user = userEvent.setup();
    act(() => playbackStore.setState({ speedIndex: 7 }));
    render(<PlaybackControls />);
    expect(screen.getByTestId('speed')).toHaveTextContent('10 ms/s');
    await user.click(screen.getByRole('button', { name: en('controls.faster') }));
    expect(speedIndex()).toBe(8);
    expect(screen.getByTestId('speed')).toHaveTextContent('100 ms/s');
    await user.click(screen.getByRole('button', { name: en('controls.slower') }));
    await user.click(screen.getByRole('button', { name: en('controls.slower') }));
    expect(speedIndex()).toBe(6);
    expect(screen.getByTestId('speed')).toHaveTextContent('1 ms/s');
    expect(screen.getByRole('slider')).toHaveValue('6');
  });

  it('stops at both ends of the scale, disabling the button that would leave it', async () => {
    const user = userEvent.setup();
    render(<PlaybackControls />);
    const faster = screen.getByRole('button', { name: en('controls.faster') });
    const slower = screen.getByRole('button', { name: en('controls.slower') });

    act(() => playbackStore.setState({ speedIndex: SPEEDS.length - 2 }));
    await user.click(faster);
    expect(speedIndex()).toBe(SPEEDS.length - 1);
    expect(faster).toBeDisabled();
    expect(screen.getByTestId('speed')).toHaveTextContent('10 s/s');

    act(() => playbackStore.setState({ speedIndex: 1 }));
    await user.click(slower);
    expect(speedIndex()).toBe(0);
    expect(slower).toBeDisabled();
    // The − key asks past the end all the same: the scale holds.
    act(() => changeSpeed(-1));
    expect(speedIndex()).toBe(0);
    expect(faster).toBeEnabled();
    expect(screen.getByTestId('speed')).toHaveTextContent('1 ns/s');
  });
});

describe('PlaybackControls: moving through events', () => {
  it('keeps next, skip and previous off until the machine has sent its first frame', () => {
    render(<PlaybackControls />);
    expect(screen.getByRole('button', { name: en('playback.next') })).toBeDisabled();
    expect(screen.getByRole('button', { name: en('playback.skip') })).toBeDisabled();
    expect(screen.getByRole('button', { name: en('playback.prev') })).toBeDisabled();
  });

  it('asks the simulator for the next event and to skip at most 10 s of quiet', async () => {
    const user = userEvent.setup();
    const controls = fakeControls();
    liveMachine().run();
    render(<PlaybackControls />);
    await user.click(screen.getByRole('button', { name: en('playback.next') }));
    expect(controls.stepEvent).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: en('playback.skip') }));
    expect(controls.skipToHappening).toHaveBeenCalledWith(10_000_000_000);
    expect(controls.seek).not.toHaveBeenCalled();
  });

  it('seeks back to the latest thing that happened before now', async () => {
    const user = userEvent.setup();
    const controls = fakeControls();
    const machine = liveMachine();
    machine.run();
    machine.run();
    const s = simStore.getState();
    const times = [...s.traffic, ...s.cpuMarks, ...s.happenings].map((x) => x.t);
    const before = Math.max(...times.filter((t) => t < s.t));
    render(<PlaybackControls />);
    await user.click(screen.getByRole('button', { name: en('playback.prev') }));
    expect(controls.seek).toHaveBeenCalledWith(before);
  });

  it('paused with nothing behind the clock, offers no previous event', () => {
    liveMachine().run();
    act(() => {
      playbackStore.setState({ playing: false });
      simStore.setState((s) => ({ t: s.startT, traffic: [], cpuMarks: [], happenings: [] }));
    });
    render(<PlaybackControls />);
    expect(screen.getByRole('button', { name: en('playback.prev') })).toBeDisabled();
    expect(screen.getByRole('button', { name: en('playback.next') })).toBeEnabled();
  });
});

describe('PlaybackControls: the rate actually reached', () => {
  it('shows the achieved rate only while playing and lagging', () => {
    render(<PlaybackControls />);
    act(() => playbackStore.setState({ playing: true, achieved: 1_000_000, lagging: false }));
    expect(screen.queryByTestId('achieved')).toBeNull();

    act(() => playbackStore.setState({ lagging: true }));
    expect(screen.getByTestId('achieved')).toHaveTextContent(
      en('playback.reaching', { rate: '1 ms' }),
    );

    act(() => playbackStore.setState({ playing: false }));
    expect(screen.queryByTestId('achieved')).toBeNull();
  });
});

describe('PlaybackControls in Spanish', () => {
  it('labels its buttons and the reached rate in Spanish', async () => {
    await speak('es');
    render(<PlaybackControls />);
    expect(playButton()).toHaveAccessibleName('Reproducir');
    expect(screen.getByRole('button', { name: 'Evento siguiente' })).toBeInTheDocument();
    act(() => playbackStore.setState({ playing: true, achieved: 1_000_000, lagging: true }));
    expect(playButton()).toHaveAccessibleName('Pausa');
    expect(screen.getByTestId('achieved')).toHaveTextContent('solo llega a 1 ms/s');
  });
});
