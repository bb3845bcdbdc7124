// @vitest-environment jsdom
import './component-kit';
import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import type { MetricPoint } from '../../../src/contract';
import { MetricCard } from '../../../src/ui/metrics/MetricCard';

// Issue 14: the first figures (after 100 ms of simulated time) came to every card at once, each
// building its charts then: a slow laptop's longest task while playing, and cards that grew. The
// charts are there from the start, hidden where the waiting note is; the figures fill them.

const point = (t: number, tput: number): MetricPoint => ({
  t,
  tput,
  p50: 90_000,
  p99: 200_000,
  errors: 0,
  misses: 0,
});

function card(points: readonly MetricPoint[]) {
  return (
    <MetricCard
      w={{ id: 1, name: 'rt4', kind: 'rt', running: true, misses: 0 }}
      last={points[points.length - 1] ?? null}
      kernel="k4"
      points={points}
      domain={[0, 1_000_000_000]}
      span="1 s"
      testId="metric-rt4"
      colour="#56b4e9"
      selectable
      selected={false}
      headingLevel={4}
    />
  );
}

it('builds its charts before the first figures, and the figures only fill and show them', () => {
  const { rerender } = render(card([]));
  const box = screen.getByTestId('metric-rt4');
  expect(box).toHaveTextContent('The first figures come after 100 ms of simulated time.');
  const figures = box.querySelector('.mx-figure-list');
  expect(figures).toHaveClass('is-waiting');
  const before = Array.from(figures?.querySelectorAll('svg, .mx-metric, .mx-scale') ?? []);
  expect(before.filter((e) => e.tagName === 'svg')).toHaveLength(3);

  rerender(card([point(100_000_000, 700), point(200_000_000, 740)]));
  expect(box).not.toHaveTextContent('The first figures come');
  expect(box.querySelector('.mx-figure-list')).toBe(figures);
  expect(figures).not.toHaveClass('is-waiting');
  const after = Array.from(figures?.querySelectorAll('svg, .mx-metric, .mx-scale') ?? []);
  expect(after, 'the same charts, none built on arrival').toEqual(before);
  expect(box).toHaveTextContent('740/s');
  expect(box.querySelector('.mx-path')).not.toBeNull();
});
