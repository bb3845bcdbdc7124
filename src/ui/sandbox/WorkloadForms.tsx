import type { Input, WorkloadKind } from '../../contract';
import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks';
import { WORKLOAD_KIND_LIST, WORKLOAD_KINDS } from './catalog';
import { effective, parseIntField, parseWorkloadName } from './parse';
import { deviceOptions } from './options';
import { ActionForm } from './ActionForm';
import { LoadField, SelectField, TextField } from './Fields';
import { useErrors } from './use-errors';
import { useSend } from './use-send';
import { ownerName } from '../owner-name';
import { useDevices, useInstances, useWorkloads } from './view';

/** `workload.start`: a process group of one kind in a chosen kernel. */
export function StartWorkloadForm() {
  const t = useT();
  const instances = useInstances();
  const devices = useDevices();
  const workloads = useWorkloads();
  const names = instances.map((i) => i.name);
  const { send, refusal } = useSend();
  const { errors, setErrors, clear } = useErrors();
  const [name, setName] = useState('');
  const [kernel, setKernel] = useState('');
  const [kind, setKind] = useState<WorkloadKind>('server');
  const [load, setLoad] = useState(500);
  const [backend, setBackend] = useState('');
  const [device, setDevice] = useState('');
  const [threads, setThreads] = useState('');
  const kernelValue = effective(kernel, names, '');
  const kernelId = instances.find((i) => i.name === kernelValue)?.id;
  // An io workload needs a device its kernel holds; offer those first.
  const usable = devices.filter((d) => d.owner === kernelId).map((d) => d.pci);
  const deviceValue = effective(
    device,
    devices.map((d) => d.pci),
    '',
  );
  const deviceShown = devices.some((d) => d.pci === device)
    ? deviceValue
    : (usable[0] ?? deviceValue);

  const submit = () => {
    const n = parseWorkloadName(
      name,
      workloads.map((w) => w.name),
    );
    const th = parseIntField(threads, 1, 256, true);
    const dev = kind === 'io' && !deviceShown ? { key: 'sandbox.err.device' as const } : undefined;
    setErrors({
      name: n.ok ? undefined : n.error,
      threads: th.ok ? undefined : th.error,
      device: dev,
    });
    if (!n.ok || !th.ok || dev || !kernelValue) return;
    const input: Input = {
      type: 'workload.start',
      name: n.value,
      kernel: kernelValue,
      kind,
      load,
      ...(kind === 'server' && backend !== '' ? { backend } : {}),
      ...(kind === 'io' ? { device: deviceShown } : {}),
      ...(th.value !== undefined ? { threads: th.value } : {}),
    };
    send(input);
  };

  return (
    <ActionForm
      title={t('sandbox.wl.start')}
      about={t(`${WORKLOAD_KINDS[kind]}.about` as MessageKey)}
      onSubmit={submit}
      refusal={refusal}
      actions={
        <button type="submit" className="primary" data-testid="action-workload.start">
          {t('sandbox.wl.start.go')}
        </button>
      }
    >
      <TextField
        label={t('sandbox.name')}
        value={name}
        placeholder="web2"
        testid="wl-name"
        error={errors.name}
        onChange={(v) => {
          setName(v);
          clear('name');
        }}
      />
      <SelectField
        label={t('sandbox.kernel')}
        value={kernelValue}
        testid="wl-kernel"
        options={names.map((n) => ({ value: n, label: n }))}
        onChange={setKernel}
      />
      <SelectField
        label={t('sandbox.wl.kind')}
        value={kind}
        testid="wl-kind"
        long
        options={WORKLOAD_KIND_LIST.map((k) => ({ value: k, label: t(WORKLOAD_KINDS[k]) }))}
        onChange={(v) => setKind(v as WorkloadKind)}
      />
      <LoadField
        label={t('sandbox.wl.load')}
        value={load}
        testid="wl-load"
        hint={t('sandbox.wl.load.hint')}
        onChange={setLoad}
      />
      {kind === 'server' ? (
        <SelectField
          label={t('sandbox.wl.backend')}
          value={names.includes(backend) ? backend : ''}
          testid="wl-backend"
          long
          hint={t('sandbox.wl.backend.hint')}
          options={[
            { value: '', label: t('sandbox.wl.backend.local') },
            ...names.map((n) => ({ value: n, label: n })),
          ]}
          onChange={setBackend}
        />
      ) : null}
      {kind === 'io' ? (
        <SelectField
          label={t('sandbox.wl.device')}
          value={deviceShown}
          testid="wl-device"
          error={errors.device}
          hint={t('sandbox.wl.device.hint')}
          empty={t('sandbox.none')}
          options={deviceOptions(devices, instances, t)}
          onChange={(v) => {
            setDevice(v);
            clear('device');
          }}
        />
      ) : null}
      <TextField
        label={t('sandbox.wl.threads')}
        value={threads}
        numeric
        placeholder={t('sandbox.auto')}
        testid="wl-threads"
        error={errors.threads}
        onChange={(v) => {
          setThreads(v);
          clear('threads');
        }}
      />
    </ActionForm>
  );
}

/** Stop a workload, change its load, or point a front end at another backend kernel. */
export function ManageWorkloadForm() {
  const t = useT();
  const instances = useInstances();
  const workloads = useWorkloads();
  const names = instances.map((i) => i.name);
  const { send, refusal } = useSend();
  const [chosen, setChosen] = useState('');
  const [load, setLoad] = useState<number | null>(null);
  const [backend, setBackend] = useState('');
  const name = effective(
    chosen,
    workloads.map((w) => w.name),
    '',
  );
  const w = workloads.find((x) => x.name === name);
  const loadShown = load ?? w?.load ?? 500;
  const currentBackend = w ? ownerName(w.backend, instances, '') : '';
  const backendShown = names.includes(backend)
    ? backend
    : names.includes(currentBackend)
      ? currentBackend
      : (names[0] ?? '');
  const isServer = w?.kind === 'server';

  return (
    <ActionForm
      title={t('sandbox.wl.manage')}
      about={t('sandbox.wl.manage.about')}
      onSubmit={() => w && send({ type: 'workload.load', name, load: loadShown })}
      refusal={refusal}
      actions={
        <>
          <button
            type="button"
            data-testid="action-workload.load"
            disabled={!w}
            onClick={() => send({ type: 'workload.load', name, load: loadShown })}
          >
            {t('sandbox.wl.setLoad')}
          </button>
          <button
            type="button"
            data-testid="action-service.redirect"
            disabled={!w || !isServer || !backendShown}
            onClick={() => send({ type: 'service.redirect', name, backend: backendShown })}
          >
            {t('sandbox.wl.redirect')}
          </button>
          <button
            type="button"
            data-testid="action-workload.stop"
            disabled={!w}
            onClick={() => send({ type: 'workload.stop', name })}
          >
            {t('sandbox.wl.stop')}
          </button>
        </>
      }
    >
      <SelectField
        label={t('sandbox.wl.which')}
        value={name}
        testid="wl-manage"
        long
        empty={t('sandbox.wl.none')}
        options={workloads.map((x) => ({
          value: x.name,
          label: t('sandbox.wl.option', {
            name: x.name,
            kind: t(WORKLOAD_KINDS[x.kind]),
            kernel: ownerName(x.kernel, instances, t('cpus.pool')),
          }),
        }))}
        onChange={(v) => {
          setChosen(v);
          setLoad(null);
          setBackend('');
        }}
      />
      <LoadField
        label={t('sandbox.wl.load')}
        value={loadShown}
        testid="wl-manage-load"
        onChange={setLoad}
      />
      <SelectField
        label={t('sandbox.wl.backend')}
        value={backendShown}
        testid="wl-redirect-to"
        hint={isServer ? t('sandbox.wl.redirect.hint') : t('sandbox.wl.redirect.onlyServer')}
        options={names.map((n) => ({ value: n, label: n }))}
        onChange={setBackend}
      />
    </ActionForm>
  );
}
