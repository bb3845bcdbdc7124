import type { FaultInput, FaultKind } from '../../contract';
import { useState, type ReactNode } from 'react';
import { useT } from '../hooks';
import { FAULTS } from './catalog';
import { parseIntField } from './parse';
import { cpuOptions, deviceOptions } from './options';
import { ActionForm, SelectField, Switch, TextField, useErrors, useSend } from './parts';
import { ownerName, useCpus, useDevices, useInstances, type InstanceChoice } from './view';

/** The kernel a fault form proposes first: a running spawn, else any running kernel, else any. */
function pickDefault(instances: readonly InstanceChoice[], avoid?: string): string {
  const running = instances.filter((i) => i.state === 'active' && !i.panicked && !i.hung);
  const order = [
    ...running.filter((i) => i.id !== 0 && i.name !== avoid),
    ...running.filter((i) => i.name !== avoid),
    ...instances,
  ];
  return order[0]?.name ?? '';
}

function useKernelChoice(avoid?: string) {
  const instances = useInstances();
  const [chosen, setChosen] = useState('');
  const names = instances.map((i) => i.name);
  const value = names.includes(chosen) ? chosen : pickDefault(instances, avoid);
  const options = instances.map((i) => ({
    value: i.name,
    label: i.panicked || i.hung || i.state !== 'active' ? `${i.name} (${i.stateLabel})` : i.name,
  }));
  return { value, setChosen, options };
}

function FaultShell({
  kind,
  onSubmit,
  refusal,
  children,
}: {
  readonly kind: FaultKind;
  readonly onSubmit: () => void;
  readonly refusal: ReturnType<typeof useSend>['refusal'];
  readonly children: ReactNode;
}) {
  const t = useT();
  return (
    <ActionForm
      title={t(FAULTS[kind].title)}
      about={t(FAULTS[kind].about)}
      onSubmit={onSubmit}
      refusal={refusal}
      tone="danger"
      testid={`fault-${kind}`}
      actions={
        <button type="submit" className="sbx-danger" data-testid={`action-fault-${kind}`}>
          {t('sandbox.fault.go')}
        </button>
      }
    >
      {children}
    </ActionForm>
  );
}

/** Panic or hard lockup of one kernel. */
function TargetFault({ kind }: { readonly kind: 'panic' | 'lockup' }) {
  const t = useT();
  const target = useKernelChoice();
  const { send, refusal } = useSend();
  return (
    <FaultShell
      kind={kind}
      refusal={refusal}
      onSubmit={() => target.value && send({ type: 'fault', kind, target: target.value })}
    >
      <SelectField
        label={t('sandbox.fault.target')}
        value={target.value}
        testid={`fault-${kind}-target`}
        options={target.options}
        onChange={target.setChosen}
      />
    </FaultShell>
  );
}

function ScribbleFault() {
  const t = useT();
  const from = useKernelChoice();
  const target = useKernelChoice(from.value);
  const { send, refusal } = useSend();
  const { errors, setErrors, clear } = useErrors();
  const [offset, setOffset] = useState('64');
  const submit = () => {
    const o = parseIntField(offset, 0, 1_048_575, true);
    setErrors({ offset: o.ok ? undefined : o.error });
    if (!o.ok || !from.value || !target.value) return;
    const input: FaultInput = {
      type: 'fault',
      kind: 'scribble',
      from: from.value,
      target: target.value,
      ...(o.value !== undefined ? { offsetMiB: o.value } : {}),
    };
    send(input);
  };
  return (
    <FaultShell kind="scribble" refusal={refusal} onSubmit={submit}>
      <SelectField
        label={t('sandbox.fault.from')}
        value={from.value}
        testid="fault-scribble-from"
        options={from.options}
        onChange={from.setChosen}
      />
      <SelectField
        label={t('sandbox.fault.victim')}
        value={target.value}
        testid="fault-scribble-target"
        options={target.options}
        onChange={target.setChosen}
      />
      <TextField
        label={t('sandbox.fault.offset')}
        value={offset}
        numeric
        testid="fault-scribble-offset"
        error={errors.offset}
        hint={t('sandbox.fault.offset.hint')}
        onChange={(v) => {
          setOffset(v);
          clear('offset');
        }}
      />
    </FaultShell>
  );
}

function DmaFault() {
  const t = useT();
  const instances = useInstances();
  const devices = useDevices();
  const [pci, setPci] = useState('');
  // A lent device is the interesting one: its DMA is what the IOMMU domain confines.
  const pciValue = devices.some((d) => d.pci === pci)
    ? pci
    : (devices.find((d) => d.owner > 0)?.pci ?? devices[0]?.pci ?? '');
  const holder = devices.find((d) => d.pci === pciValue)?.owner;
  const holderName = holder === undefined ? undefined : ownerName(holder, instances, '');
  const target = useKernelChoice(holderName);
  const { send, refusal } = useSend();
  return (
    <FaultShell
      kind="dma"
      refusal={refusal}
      onSubmit={() =>
        pciValue &&
        target.value &&
        send({ type: 'fault', kind: 'dma', device: pciValue, target: target.value })
      }
    >
      <SelectField
        label={t('sandbox.fault.device')}
        value={pciValue}
        testid="fault-dma-device"
        wide
        empty={t('sandbox.none')}
        options={deviceOptions(devices, instances, t)}
        onChange={setPci}
      />
      <SelectField
        label={t('sandbox.fault.victim')}
        value={target.value}
        testid="fault-dma-target"
        options={target.options}
        onChange={target.setChosen}
      />
    </FaultShell>
  );
}

function FloodFault() {
  const t = useT();
  const from = useKernelChoice();
  const target = useKernelChoice(from.value);
  const { send, refusal } = useSend();
  const { errors, setErrors, clear } = useErrors();
  const [count, setCount] = useState('128');
  const [gap, setGap] = useState('0');
  const [raw, setRaw] = useState(false);
  const submit = () => {
    const c = parseIntField(count, 1, 1_000_000, true);
    const i = parseIntField(gap, 0, 1_000_000_000, true);
    setErrors({ count: c.ok ? undefined : c.error, interval: i.ok ? undefined : i.error });
    if (!c.ok || !i.ok || !from.value || !target.value) return;
    const input: FaultInput = {
      type: 'fault',
      kind: 'ipi-flood',
      from: from.value,
      target: target.value,
      ...(c.value !== undefined ? { count: c.value } : {}),
      ...(i.value !== undefined ? { intervalNs: i.value } : {}),
      ...(raw ? { raw: true } : {}),
    };
    send(input);
  };
  return (
    <FaultShell kind="ipi-flood" refusal={refusal} onSubmit={submit}>
      <SelectField
        label={t('sandbox.fault.from')}
        value={from.value}
        testid="fault-flood-from"
        options={from.options}
        onChange={from.setChosen}
      />
      <SelectField
        label={t('sandbox.fault.victim')}
        value={target.value}
        testid="fault-flood-target"
        options={target.options}
        onChange={target.setChosen}
      />
      <TextField
        label={t('sandbox.fault.count')}
        value={count}
        numeric
        testid="fault-flood-count"
        error={errors.count}
        onChange={(v) => {
          setCount(v);
          clear('count');
        }}
      />
      <TextField
        label={t('sandbox.fault.interval')}
        value={gap}
        numeric
        testid="fault-flood-interval"
        error={errors.interval}
        hint={t('sandbox.fault.interval.hint')}
        onChange={(v) => {
          setGap(v);
          clear('interval');
        }}
      />
      <div className="sbx-field wide">
        <Switch
          label={t('sandbox.fault.raw')}
          hint={t('sandbox.fault.raw.hint')}
          checked={raw}
          testid="fault-flood-raw"
          onChange={setRaw}
        />
      </div>
    </FaultShell>
  );
}

function MachineWideFault() {
  const t = useT();
  const from = useKernelChoice();
  const { send, refusal } = useSend();
  const [op, setOp] = useState<'wbinvd' | 'split-lock'>('wbinvd');
  return (
    <FaultShell
      kind="machine-wide"
      refusal={refusal}
      onSubmit={() =>
        from.value && send({ type: 'fault', kind: 'machine-wide', from: from.value, op })
      }
    >
      <SelectField
        label={t('sandbox.fault.from')}
        value={from.value}
        testid="fault-machine-from"
        options={from.options}
        onChange={from.setChosen}
      />
      <SelectField
        label={t('sandbox.fault.op')}
        value={op}
        testid="fault-machine-op"
        long
        options={[
          { value: 'wbinvd', label: t('sandbox.fault.op.wbinvd') },
          { value: 'split-lock', label: t('sandbox.fault.op.split-lock') },
        ]}
        onChange={(v) => setOp(v === 'split-lock' ? 'split-lock' : 'wbinvd')}
      />
    </FaultShell>
  );
}

function ClaimMissFault() {
  const t = useT();
  const cpus = useCpus();
  const instances = useInstances();
  const { send, refusal } = useSend();
  const [chosen, setChosen] = useState('');
  // A parked pool CPU is the one a later exec would try to wake.
  const value = cpus.some((c) => String(c.id) === chosen)
    ? chosen
    : String(cpus.find((c) => c.owner < 0)?.id ?? cpus[0]?.id ?? '');
  return (
    <FaultShell
      kind="claim-miss"
      refusal={refusal}
      onSubmit={() =>
        value !== '' && send({ type: 'fault', kind: 'claim-miss', cpu: Number(value) })
      }
    >
      <SelectField
        label={t('sandbox.fault.cpu')}
        value={value}
        testid="fault-claim-cpu"
        wide
        hint={t('sandbox.fault.cpu.hint')}
        options={cpuOptions(cpus, instances, t)}
        onChange={setChosen}
      />
    </FaultShell>
  );
}

/** Every fault the machine models, each with a sentence on what it stands for. */
export function FaultForms() {
  return (
    <div className="sbx-forms sbx-columns">
      <TargetFault kind="panic" />
      <TargetFault kind="lockup" />
      <ScribbleFault />
      <DmaFault />
      <FloodFault />
      <MachineWideFault />
      <ClaimMissFault />
    </div>
  );
}
