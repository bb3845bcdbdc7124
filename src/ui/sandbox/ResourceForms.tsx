import type { Input } from '../../contract';
import { useState } from 'react';
import { formatMiB } from '../format';
import { useLang, useT } from '../hooks';
import { effective, formatCpuList, parseRequiredInt } from './parse';
import { cpuOptions } from './options';
import { ActionForm } from './ActionForm';
import { SelectField, TextField } from './Fields';
import { useErrors } from './use-errors';
import { useSend } from './use-send';
import { useCpus, useInstances, useMachine, usePool } from './view';

type CpuVerb = 'online' | 'offline' | 'toPool' | 'fromPool';

/** CPU hotplug (v1's way to free a CPU) and the GitHub tree's pool: host → pool (parked) → host. */
export function CpuForm() {
  const t = useT();
  const cpus = useCpus();
  const instances = useInstances();
  const { send, refusal } = useSend();
  const [chosen, setChosen] = useState('');
  const value = effective(
    chosen,
    cpus.map((c) => String(c.id)),
    '',
  );
  const cpu = cpus.find((c) => String(c.id) === value);
  const machine = useMachine();
  // What the lifecycle suggests next: v1/v2 free a CPU by hotplug, the GitHub tree parks it.
  const pool = machine.version === 'github';
  const next: readonly CpuVerb[] = !cpu
    ? []
    : cpu.owner < 0
      ? ['fromPool']
      : cpu.owner === 0
        ? cpu.state === 'offline'
          ? ['online']
          : [pool ? 'toPool' : 'offline']
        : [];

  const act = (verb: CpuVerb) => {
    if (!cpu) return;
    const id = cpu.id;
    const input: Input =
      verb === 'online' || verb === 'offline'
        ? { type: 'cpu.hotplug', cpu: id, online: verb === 'online' }
        : verb === 'toPool'
          ? { type: 'cpu.toPool', cpu: id }
          : { type: 'cpu.fromPool', cpu: id };
    send(input);
  };
  const button = (verb: CpuVerb, testid: string, label: string) => (
    <button
      type="button"
      className={next.includes(verb) ? 'sbx-next' : undefined}
      data-testid={testid}
      disabled={!cpu}
      onClick={() => act(verb)}
    >
      {label}
    </button>
  );

  return (
    <ActionForm
      title={t('sandbox.cpu')}
      about={t('sandbox.cpu.about')}
      onSubmit={() => next[0] && act(next[0])}
      refusal={refusal}
      actions={
        <>
          {button('toPool', 'action-cpu.toPool', t('sandbox.cpu.toPool'))}
          {button('fromPool', 'action-cpu.fromPool', t('sandbox.cpu.fromPool'))}
          {button('offline', 'action-cpu.hotplug-offline', t('sandbox.cpu.offline'))}
          {button('online', 'action-cpu.hotplug-online', t('sandbox.cpu.online'))}
        </>
      }
    >
      <SelectField
        label={t('sandbox.cpu.which')}
        value={value}
        testid="cpu-select"
        wide
        options={cpuOptions(cpus, instances, t)}
        onChange={setChosen}
      />
    </ActionForm>
  );
}

/** The pool itself: grow it by an overlay (GitHub tree), or roll an overlay back. */
export function PoolForm() {
  const t = useT();
  const lang = useLang();
  const machine = useMachine();
  const pool = usePool();
  const grow = useSend();
  const rollback = useSend();
  const { errors, setErrors, clear } = useErrors();
  const [mib, setMib] = useState('1024');
  const [numa, setNuma] = useState('');
  const [tx, setTx] = useState('');
  const txValue = effective(
    tx,
    pool.overlays.map((x) => String(x)),
    '',
  );

  const submitGrow = () => {
    const m = parseRequiredInt(mib, 1, 1_048_576);
    setErrors({ mib: m.ok ? undefined : m.error });
    if (!m.ok) return;
    grow.send({
      type: 'pool.grow',
      memMiB: m.value,
      ...(numa !== '' ? { numa: Number(numa) } : {}),
    });
  };

  return (
    <>
      <p className="sbx-status" data-testid="pool-status">
        {t('sandbox.pool.status', {
          total: formatMiB(lang, pool.totalMiB),
          free: formatMiB(lang, pool.freeMiB),
          cpus: pool.cpus.length ? formatCpuList(pool.cpus) : t('sandbox.none'),
        })}
      </p>
      <ActionForm
        title={t('sandbox.pool.grow')}
        about={t('sandbox.pool.grow.about')}
        onSubmit={submitGrow}
        refusal={grow.refusal}
        actions={
          <button type="submit" data-testid="action-pool.grow">
            {t('sandbox.pool.grow.go')}
          </button>
        }
      >
        <TextField
          label={t('sandbox.memMiB')}
          value={mib}
          numeric
          testid="pool-grow-mib"
          error={errors.mib}
          onChange={(v) => {
            setMib(v);
            clear('mib');
          }}
        />
        <SelectField
          label={t('sandbox.numa')}
          value={numa}
          testid="pool-grow-numa"
          options={[
            { value: '', label: t('sandbox.auto') },
            ...Array.from({ length: machine.numaNodes }, (_, i) => ({
              value: String(i),
              label: t('sandbox.numa.node', { n: i }),
            })),
          ]}
          onChange={setNuma}
        />
      </ActionForm>
      <ActionForm
        title={t('sandbox.pool.rollback')}
        about={t('sandbox.pool.rollback.about')}
        onSubmit={() => txValue && rollback.send({ type: 'pool.rollback', tx: Number(txValue) })}
        refusal={rollback.refusal}
        actions={
          <button type="submit" data-testid="action-pool.rollback" disabled={txValue === ''}>
            {t('sandbox.pool.rollback.go')}
          </button>
        }
      >
        <SelectField
          label={t('sandbox.pool.overlay')}
          value={txValue}
          testid="pool-overlay"
          empty={t('sandbox.pool.noOverlay')}
          options={pool.overlays.map((x) => ({ value: String(x), label: `tx_${x}` }))}
          onChange={setTx}
        />
      </ActionForm>
    </>
  );
}
