import { useState } from 'react';
import { useT } from '../hooks';
import { DmaFault, FloodFault, ScribbleFault } from './CrossKernelFaults';
import { SelectField } from './Fields';
import { FaultShell } from './FaultShell';
import { cpuOptions } from './options';
import { useKernelChoice } from './use-kernel-choice';
import { useSend } from './use-send';
import { useCpus, useInstances } from './view';

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
