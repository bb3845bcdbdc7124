import type { Input } from '../../contract';
import { useId, useState } from 'react';
import { formatMiB } from '../format';
import { useLang, useT } from '../hooks';
import { ActionForm } from './ActionForm';
import { deviceKindKey } from './catalog';
import { TextField } from './Fields';
import {
  MAX_MIB,
  formatCpuList,
  parseCpuList,
  parseInstanceName,
  parseIntField,
  parseRequiredInt,
} from './parse';
import { useErrors } from './use-errors';
import { useSend } from './use-send';
import { ownerName } from '../owner-name';
import { useDevices, useInstances, useMachine, usePool } from './view';

/** `instance.create`: the device tree kerf would upload (name, CPUs, memory, devices). */
export function CreateKernelForm() {
  const t = useT();
  const lang = useLang();
  const machine = useMachine();
  const instances = useInstances();
  const devices = useDevices();
  const pool = usePool();
  const { send, refusal } = useSend();
  const { errors, setErrors, clear } = useErrors();
  const [name, setName] = useState('');
  const [cpus, setCpus] = useState('');
  const [mem, setMem] = useState('1024');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [id, setId] = useState('');
  const [ways, setWays] = useState('');
  const devicesId = useId();

  const submit = () => {
    const n = parseInstanceName(
      name,
      instances.map((i) => i.name),
    );
    const c = parseCpuList(cpus, machine.cpuCount);
    const m = parseRequiredInt(mem, 1, MAX_MIB);
    const i = parseIntField(id, 1, 2047, true);
    const w = parseIntField(ways, 1, 64, true);
    const next = {
      name: n.ok ? undefined : n.error,
      cpus: c.ok ? undefined : c.error,
      mem: m.ok ? undefined : m.error,
      id: i.ok ? undefined : i.error,
      ways: w.ok ? undefined : w.error,
    };
    setErrors(next);
    if (!n.ok || !c.ok || !m.ok || !i.ok || !w.ok) return;
    const lent = chosen.filter((p) => devices.some((d) => d.pci === p));
    const input: Input = {
      type: 'instance.create',
      name: n.value,
      cpus: c.value,
      memMiB: m.value,
      ...(lent.length ? { devices: lent } : {}),
      ...(i.value !== undefined ? { id: i.value } : {}),
      ...(w.value !== undefined ? { llcWays: w.value } : {}),
    };
    send(input);
  };

  const cpuHint =
    machine.version === 'github'
      ? pool.cpus.length
        ? t('sandbox.create.cpus.pool', { cpus: formatCpuList(pool.cpus) })
        : t('sandbox.create.cpus.poolEmpty')
      : t(machine.version === 'v1' ? 'sandbox.create.cpus.v1' : 'sandbox.create.cpus.v2');

  return (
    <ActionForm
      title={t('sandbox.create')}
      about={t('sandbox.create.about')}
      onSubmit={submit}
      refusal={refusal}
      actions={
        <button type="submit" className="primary" data-testid="action-instance.create">
          {t('sandbox.create.go')}
        </button>
      }
    >
      <TextField
        label={t('sandbox.name')}
        value={name}
        placeholder="gamma"
        testid="create-name"
        error={errors.name}
        onChange={(v) => {
          setName(v);
          clear('name');
        }}
      />
      <TextField
        label={t('sandbox.cpus')}
        value={cpus}
        placeholder={pool.cpus.length ? formatCpuList(pool.cpus).replaceAll('–', '-') : '4-5'}
        testid="create-cpus"
        error={errors.cpus}
        hint={cpuHint}
        onChange={(v) => {
          setCpus(v);
          clear('cpus');
        }}
      />
      <TextField
        label={t('sandbox.memMiB')}
        value={mem}
        numeric
        testid="create-mem"
        error={errors.mem}
        hint={t('sandbox.create.mem.hint', { free: formatMiB(lang, pool.freeMiB) })}
        onChange={(v) => {
          setMem(v);
          clear('mem');
        }}
      />
      <TextField
        label={t('sandbox.create.id')}
        value={id}
        numeric
        placeholder={t('sandbox.auto')}
        testid="create-id"
        error={errors.id}
        onChange={(v) => {
          setId(v);
          clear('id');
        }}
      />
      <TextField
        label={t('sandbox.create.ways')}
        value={ways}
        numeric
        placeholder={t('sandbox.none')}
        testid="create-ways"
        error={errors.ways}
        hint={t('sandbox.create.ways.hint')}
        onChange={(v) => {
          setWays(v);
          clear('ways');
        }}
      />
      <fieldset className="sbx-field wide sbx-checks" aria-describedby={`${devicesId}-hint`}>
        <legend>{t('sandbox.create.devices')}</legend>
        {devices.map((d) => {
          const held = d.owner !== 0;
          return (
            <label key={d.pci} className={held ? 'muted' : undefined}>
              <input
                type="checkbox"
                checked={chosen.includes(d.pci)}
                disabled={held}
                data-testid={`create-device-${d.pci}`}
                onChange={(e) =>
                  setChosen(
                    e.target.checked ? [...chosen, d.pci] : chosen.filter((p) => p !== d.pci),
                  )
                }
              />{' '}
              <code>{d.pci}</code> {t(deviceKindKey(d.kind))}
              {held
                ? ` — ${t('sandbox.heldBy', { owner: ownerName(d.owner, instances, t('cpus.pool')) })}`
                : ''}
            </label>
          );
        })}
        <span className="sbx-hint" id={`${devicesId}-hint`}>
          {t(
            machine.version === 'github'
              ? 'sandbox.create.devices.hint'
              : 'sandbox.create.devices.none',
          )}
        </span>
      </fieldset>
    </ActionForm>
  );
}
