import { describe, expect, it } from 'vitest';
import { stateText } from '../../../src/ui/machine/machine-spec';
import { translate, type MessageKey } from '../../../src/i18n';

const en = (key: MessageKey, params?: Readonly<Record<string, string | number>>) =>
  translate('en', key, params);
const t = en;

describe('a kernel’s state never says two things that cannot both hold', () => {
  it('a panicked host reads panicked and stopped, not active', () => {
    const text = stateText(t, { id: 0, stateLabel: 'active', panicked: true, hung: false });
    expect(text).toBe(en('state.down.host', { state: en('state.panicked') }));
    expect(text).not.toContain(`${en('state.active')} ·`);
  });
  it('a panicked spawn still listed active says the listing is the host’s record', () => {
    const text = stateText(t, { id: 2, stateLabel: 'active', panicked: true, hung: false });
    expect(text).toBe(en('state.down.listedActive', { state: en('state.panicked') }));
  });
  it('a running kernel reads its lifecycle state alone', () => {
    expect(stateText(t, { id: 1, stateLabel: 'active', panicked: false, hung: false })).toBe(
      en('state.active'),
    );
  });
});
