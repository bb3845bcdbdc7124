// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { en, fakeControls, speak } from './component-kit';
import type { LessonStatus } from '../../../src/contract';
import textEn from '../../../src/i18n/en/lessons/one-kernel-owns-everything.json';
import textEs from '../../../src/i18n/es/lessons/one-kernel-owns-everything.json';
import { inputStore } from '../../../src/store/input-store';
import { lessonStore, receiveLessonStatus } from '../../../src/store/lesson-store';
import { playbackStore } from '../../../src/store/playback-store';
import { select } from '../../../src/store/selection-store';
import { simStore } from '../../../src/store/sim-store';
import { plainText } from '../../../src/ui/lessons/marks';
import { StepView } from '../../../src/ui/lessons/StepView';

// Lesson 1 has five steps. Step 3 (k = 2): predict 3 choices (answer 2), 2 hints, goals
// [offline, back]. Step 1 (k = 0): its check is a page task, "select a CPU".
const SLUG = 'one-kernel-owns-everything';
const lesson = (key: string, table: Readonly<Record<string, string>> = textEn) =>
  plainText(table[`${SLUG}.${key}`] ?? key);

/** The worker's word on where the lesson stands, as a frame brings it. */
function status(step: number, met: readonly boolean[] = [], scriptLeft = 0) {
  const s: LessonStatus = { slug: SLUG, step, steps: 5, met, markers: [0, 1, 2, 3, 4], scriptLeft };
  act(() => receiveLessonStatus(s));
}

/** In the lesson at step k (0-based), the prediction answered or not; wait for the text. */
async function atStep(k: number, opts: { met?: boolean[]; predicted?: number } = {}) {
  act(() =>
    lessonStore.setState({
      slug: SLUG,
      page: 'step',
      predictions: opts.predicted === undefined ? {} : { [k]: opts.predicted },
    }),
  );
  status(k, opts.met ?? []);
  render(<StepView slug={SLUG} />);
  // The lesson's text loads on demand (src/i18n/lesson-text.ts); until then keys show.
  await screen.findByRole('heading', { name: lesson(`s${k + 1}.title`) });
}

const check = (id: string) => screen.getByTestId(`goal-${id}`);
const nextButton = () => screen.getByTestId('step-next');

describe('StepView: waiting for the machine', () => {
  it('says the machine is being set up until the worker reports the step', async () => {
    act(() => lessonStore.setState({ slug: SLUG, page: 'step' }));
    render(<StepView slug={SLUG} />);
    expect(screen.getByRole('status')).toHaveTextContent(en('lessons.starting'));
    status(2);
    // The lesson's text loads on demand: a loaded machine took over a second.
    const title = await screen.findByRole(
      'heading',
      { name: lesson('s3.title') },
      { timeout: 10_000 },
    );
    expect(title).toBeInTheDocument();
    expect(screen.getByText(en('lessons.step.count', { n: 3, total: 5 }))).toBeInTheDocument();
  });
});

describe('StepView: predict before the reveal', () => {
  it('hides what to look at and the checks’ state until a prediction is chosen', async () => {
    const user = userEvent.setup();
    await atStep(2, { met: [true, false] });
    expect(screen.queryByRole('heading', { name: en('lessons.observe') })).toBeNull();
    expect(screen.getByText(en('lessons.revealAfter'))).toBeInTheDocument();
    expect(check('offline')).toHaveTextContent(en('lessons.goal.hidden'));

    await user.click(screen.getByRole('radio', { name: lesson('s3.p.c1') }));
    expect(lessonStore.getState().predictions).toEqual({ 2: 1 });
    expect(screen.getByTestId('predict-verdict')).toHaveTextContent(
      en('lessons.predict.missed', { answer: lesson('s3.p.c2') }),
    );
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    const observe = screen.getByRole('heading', { name: en('lessons.observe') });
    expect(observe.nextElementSibling).toHaveTextContent(lesson('s3.observe'));
  });

  it('says a right prediction matched', async () => {
    const user = userEvent.setup();
    await atStep(2);
    await user.click(screen.getByRole('radio', { name: lesson('s3.p.c2') }));
    expect(screen.getByTestId('predict-verdict')).toHaveTextContent(en('lessons.predict.matched'));
  });
});

describe('StepView: checks and Next follow the step’s state', () => {
  it('reads waiting or done from the status’ met[], and Next says the task is not done', async () => {
    await atStep(2, { met: [true, false], predicted: 2 });
    expect(check('offline')).toHaveTextContent(en('lessons.goal.done'));
    expect(check('back')).toHaveTextContent(en('lessons.goal.waiting'));
    expect(nextButton()).toHaveTextContent(
      en('lessons.next.waiting', { label: en('lessons.next') }),
    );
    expect(nextButton()).toBeEnabled();

    status(2, [true, true]);
    expect(check('back')).toHaveTextContent(en('lessons.goal.done'));
    expect(nextButton()).toHaveTextContent(new RegExp(`^${en('lessons.next')}$`));
  });

  it('counts a page task done only when every thing it names was selected (half stays unmet)', async () => {
    await atStep(0, { predicted: 2 });
    const task = screen.getByTestId('ui-task');
    const part = (code: string) =>
      screen.getAllByTestId('ui-part').find((p) => p.dataset.target === code);
    expect(task).toHaveTextContent(en('lessons.goal.waiting'));
    act(() => select({ kind: 'kernel', id: 0 }));
    act(() => select({ kind: 'cpu', id: 2 }));
    expect(part('cpu:2')).toHaveAttribute('data-done', 'true');
    expect(part('cpu:6')).toHaveAttribute('data-done', 'false');
    expect(task).toHaveAttribute('data-done', 'false');
    act(() => select({ kind: 'cpu', id: 6 }));
    expect(task).toHaveAttribute('data-done', 'false');
    expect(nextButton()).toHaveTextContent(
      en('lessons.next.waiting', { label: en('lessons.next') }),
    );
    act(() => select({ kind: 'memory' }));
    expect(task).toHaveAttribute('data-done', 'true');
    // The step is about tasks moving over time: with the clock stopped at the step's start it
    // stays unmet, and asks for Play.
    act(() => playbackStore.setState({ playing: false }));
    expect(screen.getByTestId('watch-task')).toHaveAttribute('data-done', 'false');
    expect(screen.getByTestId('play-prompt')).toHaveTextContent(en('lessons.playPrompt'));
    expect(nextButton()).toHaveTextContent(
      en('lessons.next.waiting', { label: en('lessons.next') }),
    );
    act(() => simStore.setState({ t: 20_000_000 }));
    expect(screen.getByTestId('watch-task')).toHaveAttribute('data-done', 'true');
    expect(screen.queryByTestId('play-prompt')).toBeNull();
    expect(nextButton()).toHaveTextContent(new RegExp(`^${en('lessons.next')}$`));
  });

  it('Next asks the machine for the next step, and the new step takes the focus', async () => {
    const user = userEvent.setup();
    await atStep(2, { predicted: 2 });
    await user.click(nextButton());
    expect(inputStore.getState().queue).toEqual([{ type: 'lesson.step', step: 3 }]);
    status(3);
    const title = await screen.findByRole('heading', { name: lesson('s4.title') });
    expect(title).toHaveFocus();
  });

  it('after the last step Next leads to the quiz, without asking the machine', async () => {
    const user = userEvent.setup();
    await atStep(4, { predicted: 2 });
    expect(nextButton()).toHaveTextContent(en('lessons.next.quiz'));
    await user.click(nextButton());
    expect(lessonStore.getState().page).toBe('quiz');
    expect(inputStore.getState().queue).toEqual([]);
  });
});

describe('StepView: hints one at a time', () => {
  it('shows the next hint per click and keeps the shown ones; each step has its own', async () => {
    const user = userEvent.setup();
    await atStep(2);
    expect(document.querySelector('.ls-hint-list')).toBeNull();
    await user.click(
      screen.getByRole('button', { name: en('lessons.hint.show', { n: 1, total: 2 }) }),
    );
    const hints = () => within(document.querySelector('.ls-hint-list') as HTMLElement);
    expect(hints().getAllByRole('listitem')).toHaveLength(1);
    expect(hints().getByRole('listitem')).toHaveTextContent(lesson('s3.h1'));

    await user.click(
      screen.getByRole('button', { name: en('lessons.hint.show', { n: 2, total: 2 }) }),
    );
    expect(hints().getAllByRole('listitem')).toHaveLength(2);
    expect(hints().getAllByRole('listitem')[1]).toHaveTextContent(lesson('s3.h2'));
    expect(screen.queryByTestId('hint-button')).toBeNull();

    status(3);
    await screen.findByRole('heading', { name: lesson('s4.title') });
    expect(screen.getByTestId('hint-button')).toHaveTextContent(
      en('lessons.hint.show', { n: 1, total: 2 }),
    );
  });
});

describe('StepView: back, reset and show me call the simulator', () => {
  it('Back rewinds to the previous step’s start, Reset to this one’s', async () => {
    const user = userEvent.setup();
    const controls = fakeControls();
    await atStep(2);
    await user.click(screen.getByRole('button', { name: en('lessons.back') }));
    expect(controls.rewindToStep).toHaveBeenLastCalledWith(1);
    await user.click(screen.getByRole('button', { name: en('lessons.resetStep') }));
    expect(controls.rewindToStep).toHaveBeenLastCalledWith(2);
  });

  it('Back is off on the first step', async () => {
    await atStep(0);
    expect(screen.getByRole('button', { name: en('lessons.back') })).toBeDisabled();
  });

  it('Show me plays the script with the clock running, and is off while it plays', async () => {
    const user = userEvent.setup();
    const controls = fakeControls();
    act(() => playbackStore.setState({ playing: false }));
    await atStep(2);
    await user.click(screen.getByRole('button', { name: en('lessons.showMe') }));
    expect(controls.showMe).toHaveBeenCalledWith(false);
    expect(playbackStore.getState().playing).toBe(true);
    await user.click(screen.getByRole('button', { name: en('lessons.showMe.jump') }));
    expect(controls.showMe).toHaveBeenLastCalledWith(true);

    status(2, [], 3);
    expect(screen.getByTestId('show-me')).toBeDisabled();
    expect(screen.getByTestId('show-me')).toHaveTextContent(en('lessons.showMe.playing'));
  });
});

describe('StepView in Spanish', () => {
  it('loads the lesson’s Spanish text and labels the checks and buttons in Spanish', async () => {
    await speak('es');
    act(() => lessonStore.setState({ slug: SLUG, page: 'step', predictions: { 2: 2 } }));
    status(2, [true, false]);
    render(<StepView slug={SLUG} />);
    await screen.findByRole('heading', { name: lesson('s3.title', textEs) });
    expect(check('offline')).toHaveTextContent('Hecho ✓');
    expect(check('offline')).toHaveTextContent(lesson('s3.goal.offline', textEs));
    expect(check('back')).toHaveTextContent('Pendiente');
    expect(nextButton()).toHaveTextContent('Siguiente (tarea sin terminar)');
    expect(screen.getByRole('button', { name: 'Atrás' })).toBeEnabled();
  });
});

describe('StepView: the lesson’s uncertainty notes are read once', () => {
  it('shows them whole on step 1 and folds them to one marked line on the next steps', async () => {
    await atStep(0, { predicted: 2 });
    const notes = screen.getByTestId('lesson-uncertain');
    expect(notes).toHaveTextContent(lesson('uncertain.1'));
    expect(screen.queryByTestId('lesson-uncertain-folded')).toBeNull();
    status(1);
    const folded = await screen.findByTestId('lesson-uncertain-folded');
    expect(folded).not.toHaveAttribute('open');
    expect(folded.querySelector('summary .is-uncertain')).toHaveTextContent(
      en('lessons.uncertain'),
    );
    expect(within(folded).getByText(lesson('uncertain.1'))).not.toBeVisible();
    expect(folded.querySelector('summary')).toHaveTextContent(
      en('lessons.uncertain.folded', { n: 1, step: 1 }),
    );
  });
});
