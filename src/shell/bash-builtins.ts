import { note, say } from './ctx';
import type { Command } from './command';
import { HOME } from './fs';

// echo, help, cd, pwd, clear and history: what bash answers itself, without a program.

export const echo: Command = (ctx, args) => {
  let i = 0;
  while (i < args.length && /^-[neE]+$/.test(args[i] as string)) i++;
  say(ctx, args.slice(i).join(' '));
  return 0;
};

export const help: Command = (ctx, args) => {
  const topic = args[0];
  note(
    ctx,
    topic === 'kerf' ? 'shell.help.kerf' : topic === 'mklab' ? 'shell.help.mklab' : 'shell.help',
  );
  return 0;
};

export const cd: Command = (ctx) => {
  note(ctx, 'shell.cd', undefined, true);
  return 1;
};

export const pwd: Command = (ctx) => {
  say(ctx, HOME);
  return 0;
};

/** clear and history live in the panel (they act on the page, not the machine). */
export const panelOnly: Command = () => 0;
