import './text';
import { useT } from '../hooks';
import { DeviceForm, IommuForm } from './DeviceForms';
import { FaultForms } from './FaultForms';
import { CreateKernelForm } from './CreateKernelForm';
import { MessageForm } from './MessageForms';
import { Group } from './Group';
import { ManageKernelForm } from './ManageKernelForm';
import { CpuForm, PoolForm } from './ResourceForms';
import { ScenarioBar } from './ScenarioBar';
import { useInstances, useMachine } from './view';
import { StartWorkloadForm, ManageWorkloadForm } from './WorkloadForms';
import './sandbox.css';

/**
 * The sandbox: choose a machine, then act on it. Every control builds one `Input` and calls
 * `pushInput` (through `useSend`), the same path the shell and the lessons use; the machine's
 * refusals come back through simStore.rejected and show under the form that sent them.
 */
export function Sandbox() {
  const t = useT();
  const machine = useMachine();
  const instances = useInstances();
  const spawns = instances.filter((i) => i.id !== 0).length;
  return (
    <div className="sandbox" data-testid="sandbox" data-control="sandbox">
      <header className="sbx-head">
        <h2>{t('sandbox.label')}</h2>
        <p className="sbx-intro">{t('sandbox.intro')}</p>
      </header>
      <ScenarioBar />
      {machine.monolithic ? <p className="sbx-status">{t('sandbox.monolithic')}</p> : null}
      <div className="sbx-groups">
        <Group
          title={t('sandbox.group.kernels')}
          summary={t('sandbox.group.kernels.sum', { n: spawns })}
          open
          testid="sandbox-kernels"
        >
          <div className="sbx-forms">
            <CreateKernelForm />
            <ManageKernelForm />
          </div>
        </Group>
        <Group
          title={t('sandbox.group.resources')}
          summary={t('sandbox.group.resources.sum')}
          testid="sandbox-resources"
        >
          <div className="sbx-forms">
            <CpuForm />
            <PoolForm />
          </div>
        </Group>
        <Group
          title={t('sandbox.group.devices')}
          summary={t('sandbox.group.devices.sum')}
          testid="sandbox-devices"
        >
          <div className="sbx-forms">
            <DeviceForm />
            <IommuForm />
          </div>
        </Group>
        <Group
          title={t('sandbox.group.messages')}
          summary={t('sandbox.group.messages.sum')}
          testid="sandbox-messages"
        >
          <div className="sbx-forms">
            <MessageForm />
          </div>
        </Group>
        <Group
          title={t('sandbox.group.workloads')}
          summary={t('sandbox.group.workloads.sum')}
          testid="sandbox-workloads"
        >
          <div className="sbx-forms">
            <StartWorkloadForm />
            <ManageWorkloadForm />
          </div>
        </Group>
        <Group
          title={t('sandbox.group.faults')}
          summary={t('sandbox.group.faults.sum')}
          testid="sandbox-faults"
        >
          <FaultForms />
        </Group>
      </div>
    </div>
  );
}
