import core from './es/core.json';
import facts from './es/facts.json';
import inspector from './es/inspector.json';
import lessons from './es/lessons-ui.json';
import machine from './es/machine.json';
import sandbox from './es/sandbox.json';
import shell from './es/shell.json';
import timeline from './es/timeline.json';

export const es: Readonly<Record<string, string>> = {
  ...core,
  ...machine,
  ...timeline,
  ...sandbox,
  ...inspector,
  ...shell,
  ...lessons,
  ...facts,
};
