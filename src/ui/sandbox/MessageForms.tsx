import type { MsgCategory } from '../../contract';
import { useState } from 'react';
import { formatCount } from '../format';
import { useLang, useT } from '../hooks';
import { CATEGORY_LIST, categoryLabel } from './catalog';
import { effective, messageLimit, parseIntField, parseSubtype } from './parse';
import { ActionForm } from './ActionForm';
import { SelectField, TextField } from './Fields';
import { useErrors } from './use-errors';
import { useSend } from './use-send';
import { useInstances, useMachine } from './view';

/** `msg.send`: one message from a kernel to another, over the IPI framework (facts §1.9). */
export function MessageForm() {
  const t = useT();
  const lang = useLang();
  const machine = useMachine();
  const instances = useInstances();
  const names = instances.map((i) => i.name);
  const { send, refusal } = useSend();
  const { errors, setErrors, clear } = useErrors();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [category, setCategory] = useState<MsgCategory>('USER');
  const [subtype, setSubtype] = useState('');
  const [bytes, setBytes] = useState('');
  const fromValue = effective(from, names, '');
  // Until one is chosen, the target is another kernel than the sender.
  const toShown = names.includes(to) ? to : (names.find((n) => n !== fromValue) ?? fromValue);
  const limit = messageLimit(machine.version);

  const submit = () => {
    const s = parseSubtype(subtype);
    const b = parseIntField(bytes, 0, limit, true);
    setErrors({ subtype: s.ok ? undefined : s.error, bytes: b.ok ? undefined : b.error });
    if (!s.ok || !b.ok || !fromValue || !toShown) return;
    send({
      type: 'msg.send',
      from: fromValue,
      to: toShown,
      category,
      ...(s.value !== undefined ? { subtype: s.value } : {}),
      ...(b.value !== undefined ? { bytes: b.value } : {}),
    });
  };

  return (
    <ActionForm
      title={t('sandbox.msg')}
      about={t(machine.version === 'github' ? 'sandbox.msg.about.ring' : 'sandbox.msg.about.slot')}
      onSubmit={submit}
      refusal={refusal}
      actions={
        <button type="submit" className="primary" data-testid="action-msg.send">
          {t('sandbox.msg.go')}
        </button>
      }
    >
      <SelectField
        label={t('sandbox.from')}
        value={fromValue}
        testid="msg-from"
        options={names.map((n) => ({ value: n, label: n }))}
        onChange={setFrom}
      />
      <SelectField
        label={t('sandbox.to')}
        value={toShown}
        testid="msg-to"
        options={names.map((n) => ({ value: n, label: n }))}
        onChange={setTo}
      />
      <SelectField
        label={t('sandbox.category')}
        value={category}
        testid="msg-category"
        options={CATEGORY_LIST.map((c) => ({ value: c, label: categoryLabel(c) }))}
        onChange={(v) => setCategory(v as MsgCategory)}
      />
      <TextField
        label={t('sandbox.subtype')}
        value={subtype}
        placeholder="generic"
        testid="msg-subtype"
        error={errors.subtype}
        onChange={(v) => {
          setSubtype(v);
          clear('subtype');
        }}
      />
      <TextField
        label={t('sandbox.bytes')}
        value={bytes}
        numeric
        placeholder="64"
        testid="msg-bytes"
        error={errors.bytes}
        hint={t('sandbox.bytes.hint', { max: formatCount(lang, limit) })}
        onChange={(v) => {
          setBytes(v);
          clear('bytes');
        }}
      />
    </ActionForm>
  );
}
