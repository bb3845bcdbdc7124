import about from './es/about-ui.json';
import core from './es/core.json';
import embed from './es/embed.json';
import facts from './es/facts.json';
import inspector from './es/inspector.json';
import lessons from './es/lessons-ui.json';
import machine from './es/machine.json';
import presenter from './es/presenter.json';
import sandbox from './es/sandbox.json';
import share from './es/share.json';
import shell from './es/shell.json';
import slides from './es/slides.json';
import timeline from './es/timeline.json';

export const es: Readonly<Record<string, string>> = {
  ...core,
  ...about,
  ...machine,
  ...timeline,
  ...sandbox,
  ...inspector,
  ...shell,
  ...lessons,
  ...facts,
  ...presenter,
  ...embed,
  ...share,
  ...slides,
};
