// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { en, liveMachine } from './component-kit';
import { inputStore } from '../../../src/store/input-store';
import { ShellPanel } from '../../../src/ui/shell/ShellPanel';

/** The panel over a running two-kernels machine (host, alpha, beta), its first frame in. */
function openShell() {
  const machine = liveMachine();
  machine.run();
  const user = userEvent.setup();
  render(<ShellPanel />);
  const input = screen.getByRole('textbox', { name: en('shell.input.label') });
  return { machine, user, input };
}

const entries = () => screen.queryAllByTestId('shell-entry');
const queued = () => inputStore.getState().queue;

describe('ShellPanel: a line goes to the machine, its answer comes back in a frame', () => {
  it('Enter queues a shell.line input and clears the prompt; the frame’s answer is shown', async () => {
    const { machine, user, input } = openShell();
    await user.type(input, 'cat /proc/version{Enter}');
    expect(queued()).toEqual([{ type: 'shell.line', line: 'cat /proc/version' }]);
    expect(input).toHaveValue('');
    // Nothing is printed before the worker has run the line.
    expect(entries()).toHaveLength(0);

    machine.run();
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toHaveAttribute('data-line', 'cat /proc/version');
    expect(entries()[0]).toHaveTextContent('Linux version 6.18.0-mk');
    expect(screen.getByTestId('shell-announce')).toHaveTextContent(
      /^cat \/proc\/version: Linux version 6\.18\.0-mk/,
    );
  });

  it('shows a failing command’s exit status', async () => {
    const { machine, user, input } = openShell();
    await user.type(input, 'cat /proc/nothing-here{Enter}');
    const f = machine.run();
    const exit = f.shell[0]?.exit ?? 0;
    expect(exit).not.toBe(0);
    expect(entries()[0]).toHaveAttribute('data-exit', String(exit));
    expect(entries()[0]).toHaveTextContent(en('shell.exit', { code: exit }));
  });
});

describe('ShellPanel: history', () => {
  it('↑ walks back through the lines, ↓ forward and then to the unfinished draft', async () => {
    const { user, input } = openShell();
    await user.type(input, 'ls /{Enter}pwd{Enter}pwd{Enter}ec');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('pwd');
    // A line repeated at once is kept once, as bash's ignoredups does.
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('ls /');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('ls /');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('pwd');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('ec');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('ec');
  });

  it('`history` lists the lines on the panel without troubling the machine', async () => {
    const { user, input } = openShell();
    await user.type(input, 'history{Enter}');
    // As in bash, the `history` line itself is the newest entry.
    expect(entries()[0]).toHaveTextContent(/history\s+1\s+history$/);
    await user.type(input, 'ls /{Enter}history{Enter}');
    expect(entries()[1]).toHaveTextContent(/1\s+history\s+2\s+ls \/\s+3\s+history$/);
    expect(queued()).toEqual([{ type: 'shell.line', line: 'ls /' }]);
  });
});

describe('ShellPanel: Tab completion from the machine on screen', () => {
  it('completes a unique prefix: a command word, a kernel the view shows, a /proc file', async () => {
    const { user, input } = openShell();
    await user.type(input, 'kerf sh');
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('kerf show ');

    await user.clear(input);
    await user.type(input, 'kerf start al');
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('kerf start alpha ');

    await user.clear(input);
    await user.type(input, 'cat /proc/ve');
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('cat /proc/version ');
    expect(input).toHaveFocus();
    expect(entries()).toHaveLength(0);
  });

  it('lists the candidates when several fit, leaving the line as it was', async () => {
    const { user, input } = openShell();
    await user.type(input, 'mklab p');
    await user.keyboard('{Tab}');
    expect(input).toHaveValue('mklab p');
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toHaveTextContent('panic pool');
    expect(queued()).toEqual([]);
  });

  it('on an empty line, Tab moves the focus on as everywhere else', async () => {
    const { user, input } = openShell();
    input.focus();
    await user.keyboard('{Tab}');
    expect(input).not.toHaveFocus();
    expect(entries()).toHaveLength(0);
  });
});

describe('ShellPanel: clearing', () => {
  it('Ctrl-L and `clear` empty the transcript; the machine gets neither', async () => {
    const { machine, user, input } = openShell();
    await user.type(input, 'pwd{Enter}');
    machine.run();
    expect(entries()).toHaveLength(1);
    expect(screen.queryByText(en('shell.intro'))).toBeNull();

    await user.keyboard('{Control>}l{/Control}');
    expect(entries()).toHaveLength(0);
    expect(screen.getByText(en('shell.intro'))).toBeInTheDocument();

    await user.type(input, 'history{Enter}');
    expect(entries()).toHaveLength(1);
    await user.type(input, 'clear{Enter}');
    expect(entries()).toHaveLength(0);
    expect(queued()).toEqual([]);
  });
});

describe('ShellPanel: copying', () => {
  it('copies the transcript as plain text, prompt included', async () => {
    const { machine, user, input } = openShell();
    await user.type(input, 'cat /proc/version{Enter}');
    machine.run();
    await user.click(screen.getByRole('button', { name: en('shell.copy') }));
    expect(await navigator.clipboard.readText()).toMatch(
      /^root@host:~# cat \/proc\/version\nLinux version 6\.18\.0-mk/,
    );
    expect(screen.getByRole('status')).toHaveTextContent(en('shell.copied'));
  });
});
