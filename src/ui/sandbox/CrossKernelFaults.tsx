import type { FaultInput } from '../../contract';
import { useState } from 'react';
import { useT } from '../hooks';
import { SelectField, Switch, TextField } from './Fields';
import { FaultShell } from './FaultShell';
import { deviceOptions } from './options';
import { parseIntField } from './parse';
import { useErrors } from './use-errors';
import { useKernelChoice } from './use-kernel-choice';
import { useSend } from './use-send';
import { ownerName } from '../owner-name';
import { useDevices, useInstances } from './view';

// Faults one kernel (or its device) does to another: a stray write into its memory, a DMA
// into it, a flood of IPIs at it.

export function ScribbleFault() {
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
export function DmaFault() {
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
export function FloodFault() {
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
