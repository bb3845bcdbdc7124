// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { en, liveMachine, patchView } from './component-kit';
import type { InstanceView, ProposalVersion } from '../../../src/contract';
import { CONSTANTS } from '../../../src/sim';
import { MS } from '../../../src/sim/time';
import { metaStore } from '../../../src/store/meta-store';
import { select, selectionStore, type Selection } from '../../../src/store/selection-store';
import { resetSim, simStore } from '../../../src/store/sim-store';
import { Inspector } from '../../../src/ui/inspector/Inspector';

// two-kernels (GitHub tree): host (id 0, CPUs 0–3), alpha (id 1, CPUs 4–5), beta (id 2, CPUs 6–7).

function inspect(selection: Selection) {
  act(() => select(selection));
  render(<Inspector />);
}

/** The value a pane gives for a term ("Owner", "Ring"…), as the user reads the pair. */
function fact(term: string): HTMLElement {
  const dt = screen.getAllByText(term, { selector: 'dt' })[0];
  const dd = dt?.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no value for ${term}`);
  return dd;
}

const pane = () => screen.getByRole('heading', { level: 3 });

function setKernel(name: string, patch: Partial<InstanceView>, version?: ProposalVersion) {
  patchView((v) => ({
    ...v,
    ...(version ? { version } : {}),
    instances: v.instances.map((i) => (i.name === name ? { ...i, ...patch } : i)),
  }));
}

describe('Inspector: CPUs and kernels', () => {
  it('shows a CPU with its owner and state; the owner link moves the selection', async () => {
    const user = userEvent.setup();
    liveMachine().run();
    inspect({ kind: 'cpu', id: 4 });
    expect(pane()).toHaveTextContent(en('inspector.cpu.name', { id: 4 }));
    expect(fact(en('inspector.state'))).toHaveTextContent(en('cpustate.online'));

    await user.click(within(fact(en('inspector.owner'))).getByRole('button', { name: 'alpha' }));
    expect(selectionStore.getState().selected).toEqual({ kind: 'kernel', id: 1 });
    expect(pane()).toHaveTextContent('alpha');
    expect(screen.getByText(en('inspector.kernel.spawn', { id: 1 }))).toBeInTheDocument();
    // The kernel lists its CPUs, each a link back.
    await user.click(screen.getByRole('button', { name: en('inspector.cpu.name', { id: 5 }) }));
    expect(selectionStore.getState().selected).toEqual({ kind: 'cpu', id: 5 });
  });

  it('colours the ring level: plain, then warning, then danger when the ring is full', () => {
    liveMachine().run();
    inspect({ kind: 'kernel', id: 1 });
    const level = () => within(fact(en('inspector.ring'))).getByText(/waiting/);

    setKernel('alpha', { ring: 10 });
    expect(level()).toHaveTextContent(en('inspector.ring.level', { n: 10, max: 63 }));
    expect(level()).not.toHaveClass('warn');
    expect(level()).not.toHaveClass('danger');

    setKernel('alpha', { ring: 50 });
    expect(level()).toHaveClass('warn');

    setKernel('alpha', { ring: 63 });
    expect(level()).toHaveTextContent(en('inspector.ring.level', { n: 63, max: 63 }));
    expect(level()).toHaveClass('danger');
    expect(screen.getByRole('meter', { name: en('inspector.ring') })).toHaveValue(63);
  });

  it('says v1 and v2 have a slot per CPU, not a ring', () => {
    liveMachine().run();
    inspect({ kind: 'kernel', id: 1 });
    setKernel('alpha', { ring: 63 }, 'v2');
    expect(fact(en('inspector.ring'))).toHaveTextContent(en('inspector.ring.slot'));
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('recalls the panic of a kernel parked as loaded, until it runs again', () => {
    const machine = liveMachine();
    machine.run();
    inspect({ kind: 'kernel', id: 1 });
    expect(screen.queryByText(en('inspector.kernel.panicked'))).toBeNull();

    machine.run(16 * MS, [{ type: 'fault', kind: 'panic', target: 'alpha' }]);
    for (let i = 0; i < 5; i++) machine.run(100 * MS);
    expect(fact(en('inspector.state'))).toHaveTextContent(en('state.loaded'));
    expect(screen.getByText(en('inspector.kernel.panicked'))).toBeInTheDocument();
    expect(fact(en('inspector.lastEvent'))).toHaveTextContent(
      en('happening.panic', { kernel: 'alpha' }),
    );

    machine.run(16 * MS, [{ type: 'instance.exec', name: 'alpha' }]);
    for (let i = 0; i < 3; i++) machine.run(100 * MS);
    expect(fact(en('inspector.state'))).toHaveTextContent(en('state.active'));
    expect(screen.queryByText(en('inspector.kernel.panicked'))).toBeNull();
  });
});

describe('Inspector: messages', () => {
  it('tells a delivered message from its send to its handling, with links to both ends', async () => {
    const user = userEvent.setup();
    liveMachine().run();
    const traffic = simStore.getState().traffic;
    const send = traffic.find(
      (x) =>
        x.kind === 'send' &&
        x.from === 0 &&
        traffic.some((d) => d.id === x.id && d.kind === 'deliver'),
    );
    if (!send) throw new Error('the machine sent no delivered message from the host');
    const deliver = traffic.find((d) => d.id === send.id && d.kind === 'deliver');
    inspect({ kind: 'message', seq: send.seq });

    expect(screen.getByTestId('inspect-message')).toHaveAttribute('data-fate', 'deliver');
    const fate = fact(en('inspector.msg.fate'));
    expect(fate).toHaveTextContent(en('inspector.fate.word.delivered'));
    expect(fate).toHaveTextContent(`handled on CPU ${deliver?.cpu}`);
    await user.click(within(fact(en('inspector.msg.to'))).getByRole('button'));
    expect(selectionStore.getState().selected).toEqual({ kind: 'kernel', id: send.to });
  });

  it('"Latest message" waits for traffic, then selects the newest one', async () => {
    const user = userEvent.setup();
    render(<Inspector />);
    const latest = screen.getByRole('button', { name: en('inspector.latest') });
    expect(latest).toBeDisabled();
    liveMachine().run();
    await user.click(latest);
    expect(selectionStore.getState().selected?.kind).toBe('message');
    expect(screen.getByTestId('inspect-message')).toBeInTheDocument();
  });

  it('says so when the message has left the page’s buffer', () => {
    liveMachine().run();
    inspect({ kind: 'message', seq: 1e9 });
    expect(screen.getByText(en('inspector.msg.gone'))).toBeInTheDocument();
  });
});

describe('Inspector: timing constants', () => {
  it('opens a constant from a kernel’s timings: value, source, and a flagged confidence', async () => {
    const user = userEvent.setup();
    act(() => metaStore.setState({ constants: CONSTANTS }));
    liveMachine().run();
    inspect({ kind: 'kernel', id: 1 });
    await user.click(screen.getByRole('button', { name: en('inspector.const.spawnBoot') }));

    expect(selectionStore.getState().selected).toEqual({ kind: 'constant', name: 'spawnBoot' });
    expect(pane()).toHaveTextContent(en('inspector.const.spawnBoot'));
    expect(fact(en('inspector.constant.value'))).toHaveTextContent('30 ms');
    expect(fact(en('inspector.constant.source'))).toHaveTextContent(CONSTANTS.spawnBoot.source);
    expect(fact(en('inspector.constant.confidence'))).toHaveTextContent(
      en('inspector.conf.vendor-claim'),
    );
    expect(screen.getByText(en('inspector.conf.vendor-claim.explain'))).toBeInTheDocument();
  });

  it('flags nothing for a high-confidence constant', () => {
    act(() => metaStore.setState({ constants: CONSTANTS }));
    inspect({ kind: 'constant', name: 'mailboxPoll' });
    expect(fact(en('inspector.constant.value'))).toHaveTextContent('100 µs');
    expect(fact(en('inspector.constant.confidence'))).toHaveTextContent(en('inspector.conf.high'));
    expect(screen.getByTestId('inspect-constant')).toHaveAttribute('data-confidence', 'high');
    expect(document.querySelector('.insp-note.warn')).toBeNull();
  });

  it('says the table has not arrived yet before the handshake', () => {
    inspect({ kind: 'constant', name: 'mailboxPoll' });
    expect(screen.getByText(en('inspector.constant.unavailable'))).toBeInTheDocument();
  });
});

describe('Inspector: choosing and losing the selection', () => {
  it('picks from the list, and clears back to the empty pane', async () => {
    const user = userEvent.setup();
    liveMachine().run();
    render(<Inspector />);
    expect(screen.getByTestId('inspector-empty')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(en('inspector.pick')), 'cpu:6');
    expect(selectionStore.getState().selected).toEqual({ kind: 'cpu', id: 6 });
    expect(pane()).toHaveTextContent(en('inspector.cpu.name', { id: 6 }));
    await user.click(screen.getByRole('button', { name: en('inspector.clear') }));
    expect(selectionStore.getState().selected).toBeNull();
    expect(screen.getByTestId('inspector-empty')).toBeInTheDocument();
  });

  it('says a selected kernel is gone once another machine without it is loaded', () => {
    liveMachine().run();
    inspect({ kind: 'kernel', id: 2 });
    expect(pane()).toHaveTextContent('beta');
    act(() => resetSim());
    liveMachine('monolithic').run();
    expect(screen.getByText(en('inspector.gone'))).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3 })).toBeNull();
  });
});
