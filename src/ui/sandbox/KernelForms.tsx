import type { ImageKind, Input } from '../../contract';
import { useId, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { formatMiB } from '../format';
import { useLang, useT } from '../hooks';
import { deviceKindKey, IMAGE_KIND_LIST, IMAGE_KINDS } from './catalog';
import {
  allowedVerbs,
  effective,
  formatCpuList,
  parseCpuList,
  parseInstanceName,
  parseIntField,
  parseRequiredInt,
  type Verb,
} from './parse';
import { ActionForm, SelectField, TextField, useErrors, useSend } from './parts';
import { ownerName, useDevices, useInstances, useMachine, usePool } from './view';

/** kexec_file_load's image for a spawn: the presets use the same name and version. */
const IMAGE = { name: 'vmlinuz-mk', version: '6.18.0-mk' } as const;
/** The machine's largest sensible request (MiB): the forms stop typos, the machine the rest. */
const MAX_MIB = 1_048_576;

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

const VERB_TESTID: Record<Verb, string> = {
  load: 'action-instance.load',
  exec: 'action-instance.exec',
  kill: 'action-instance.kill',
  force: 'action-instance.kill-force',
  unload: 'action-instance.unload',
  delete: 'action-instance.delete',
  memAdd: 'action-instance.memAdd',
};

/**
 * The lifecycle verbs on one spawned kernel. Every verb is offered in every state — the machine
 * answers a wrong one with the kernel's errno, which is part of the lesson — but the verbs the
 * lifecycle table allows from the current state are drawn as the next steps.
 */
export function ManageKernelForm() {
  const t = useT();
  const instances = useInstances();
  const spawns = instances.filter((i) => i.id !== 0);
  const { send, refusal } = useSend();
  const { errors, setErrors, clear } = useErrors();
  const [chosen, setChosen] = useState('');
  const [image, setImage] = useState<ImageKind>('general');
  const [mem, setMem] = useState('256');
  const name = effective(
    chosen,
    spawns.map((i) => i.name),
    '',
  );
  const inst = spawns.find((i) => i.name === name);
  const allowed = inst ? allowedVerbs(inst.state) : [];

  const act = (verb: Verb) => {
    if (!inst) return;
    let input: Input;
    switch (verb) {
      case 'load':
        input = { type: 'instance.load', name, image: { ...IMAGE, kind: image } };
        break;
      case 'exec':
        input = { type: 'instance.exec', name };
        break;
      case 'kill':
        input = { type: 'instance.kill', name };
        break;
      case 'force':
        input = { type: 'instance.kill', name, force: true };
        break;
      case 'unload':
        input = { type: 'instance.unload', name };
        break;
      case 'delete':
        input = { type: 'instance.delete', name };
        break;
      case 'memAdd': {
        const m = parseRequiredInt(mem, 1, MAX_MIB);
        setErrors({ mem: m.ok ? undefined : m.error });
        if (!m.ok) return;
        input = { type: 'instance.memAdd', name, memMiB: m.value };
        break;
      }
    }
    send(input);
  };

  const verbButton = (verb: Verb, label: string) => (
    <button
      type="button"
      className={allowed.includes(verb) ? 'sbx-next' : undefined}
      data-testid={VERB_TESTID[verb]}
      disabled={!inst}
      onClick={() => act(verb)}
    >
      {label}
    </button>
  );

  const status = inst
    ? t('sandbox.manage.state', {
        name: inst.name,
        state: t(`state.${inst.stateLabel}` as MessageKey),
      }) +
      (inst.pending ? ` ${t('sandbox.manage.pending', { op: inst.pending })}` : '') +
      (inst.panicked ? ` ${t('sandbox.manage.panicked')}` : '') +
      (inst.hung ? ` ${t('sandbox.manage.hung')}` : '')
    : null;

  return (
    <ActionForm
      title={t('sandbox.manage')}
      about={t('sandbox.manage.about')}
      // Enter in the size field adds memory; the verbs are buttons of their own.
      onSubmit={() => act('memAdd')}
      refusal={refusal}
      actions={
        <>
          <div className="sbx-verbs" role="group" aria-label={t('sandbox.manage.verbs')}>
            {verbButton('load', t('sandbox.verb.load'))}
            {verbButton('exec', t('sandbox.verb.exec'))}
            {verbButton('kill', t('sandbox.verb.kill'))}
            {verbButton('force', t('sandbox.verb.force'))}
            {verbButton('unload', t('sandbox.verb.unload'))}
            {verbButton('delete', t('sandbox.verb.delete'))}
          </div>
          {status ? (
            <p className="sbx-hint" data-testid="manage-state">
              {status}
            </p>
          ) : null}
          <div className="sbx-inline">
            <TextField
              label={t('sandbox.memAdd')}
              value={mem}
              numeric
              testid="memadd-mib"
              error={errors.mem}
              hint={t('sandbox.memAdd.hint')}
              onChange={(v) => {
                setMem(v);
                clear('mem');
              }}
            />
            {verbButton('memAdd', t('sandbox.verb.memAdd'))}
          </div>
        </>
      }
    >
      <SelectField
        label={t('sandbox.kernel')}
        value={name}
        testid="manage-kernel"
        empty={t('sandbox.noSpawns')}
        options={spawns.map((i) => ({ value: i.name, label: i.name }))}
        onChange={setChosen}
      />
      <SelectField
        label={t('sandbox.image')}
        value={image}
        testid="manage-image"
        hint={t('sandbox.image.hint')}
        options={IMAGE_KIND_LIST.map((k) => ({ value: k, label: t(IMAGE_KINDS[k]) }))}
        onChange={(v) => setImage(v as ImageKind)}
      />
    </ActionForm>
  );
}
