// @vitest-environment jsdom
import { fakeControls } from '../ui/component-kit';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LESSON_SLUGS } from '../../../src/contract';
import { lessonStore } from '../../../src/store/lesson-store';
import { LessonList } from '../../../src/ui/lessons/LessonList';
import { THROWAWAY } from '../../fixtures/lessons/register-throwaway';

// (c) The page offers a registered eleventh lesson: the throwaway fixture is registered exactly as
// in eleventh-lesson.test.ts (see tests/fixtures/lessons/register-throwaway.ts).
vi.mock('../../../src/contract/lessons', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.registry(real),
);
vi.mock('../../../src/lessons/catalog', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.logic(real),
);
vi.mock('../../../src/content/catalog', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.content(real),
);
vi.mock('../../../src/i18n/lesson-text-files', async (real) =>
  (await import('../../fixtures/lessons/register-throwaway')).withThrowaway.text(real),
);

// jsdom's <dialog> has neither showModal() nor close(); the list opens as a modal dialog.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};

describe('the lesson list, with an eleventh lesson registered', () => {
  it('offers every registered lesson in order, the eleventh last, titled from its own text', async () => {
    act(() => lessonStore.setState({ listOpen: true }));
    render(<LessonList />);
    const items = screen.getAllByTestId(/^lesson-item-/);
    expect(items.map((li) => li.dataset['testid'])).toEqual(
      LESSON_SLUGS.map((slug) => `lesson-item-${slug}`),
    );
    expect(items.at(-1)).toHaveAttribute('data-testid', `lesson-item-${THROWAWAY}`);
    // Its title comes from its own text file, loaded on demand: on a loaded machine that can take
    // longer than findBy's default second.
    expect(
      await screen.findByRole('heading', { name: 'A throwaway lesson' }, { timeout: 15_000 }),
    ).toBeVisible();
  });

  it('starts it from its first step', async () => {
    const controls = fakeControls();
    const user = userEvent.setup();
    act(() => lessonStore.setState({ listOpen: true }));
    render(<LessonList />);
    await user.click(screen.getByTestId(`lesson-start-${THROWAWAY}`));
    expect(controls.startLesson).toHaveBeenCalledWith(THROWAWAY, 0);
  });
});
