import { useState } from 'react';
import { useT } from '../hooks';
import { effective } from './parse';
import { deviceOptions } from './options';
import { ActionForm, Refusal } from './ActionForm';
import { SelectField, Switch } from './Fields';
import { useSend } from './use-send';
import { useDevices, useInstances, useMachine } from './view';

/** Lend one PCI function to a spawned kernel, or take it back (GitHub tree, facts §1.7). */
export function DeviceForm() {
  const t = useT();
  const devices = useDevices();
  const instances = useInstances();
  const spawns = instances.filter((i) => i.id !== 0);
  const { send, refusal } = useSend();
  const [pci, setPci] = useState('');
  const [to, setTo] = useState('');
  const pciValue = effective(
    pci,
    devices.map((d) => d.pci),
    '',
  );
  const toValue = effective(
    to,
    spawns.map((i) => i.name),
    '',
  );
  const device = devices.find((d) => d.pci === pciValue);
  const lent = device !== undefined && device.owner !== 0;

  return (
    <ActionForm
      title={t('sandbox.device')}
      about={t('sandbox.device.about')}
      onSubmit={() =>
        lent
          ? send({ type: 'device.return', pci: pciValue })
          : send({ type: 'device.lend', pci: pciValue, name: toValue })
      }
      refusal={refusal}
      actions={
        <>
          <button
            type="button"
            className={!lent ? 'sbx-next' : undefined}
            data-testid="action-device.lend"
            disabled={!device || !toValue}
            onClick={() => send({ type: 'device.lend', pci: pciValue, name: toValue })}
          >
            {t('sandbox.device.lend')}
          </button>
          <button
            type="button"
            className={lent ? 'sbx-next' : undefined}
            data-testid="action-device.return"
            disabled={!device}
            onClick={() => send({ type: 'device.return', pci: pciValue })}
          >
            {t('sandbox.device.return')}
          </button>
        </>
      }
    >
      <SelectField
        label={t('sandbox.device.which')}
        value={pciValue}
        testid="device-select"
        wide
        empty={t('sandbox.none')}
        options={deviceOptions(devices, instances, t)}
        onChange={setPci}
      />
      <SelectField
        label={t('sandbox.device.to')}
        value={toValue}
        testid="device-to"
        empty={t('sandbox.noSpawns')}
        options={spawns.map((i) => ({ value: i.name, label: i.name }))}
        onChange={setTo}
      />
    </ActionForm>
  );
}

/** The IOMMU: with it on, each lent device gets a domain that maps only its kernel's memory. */
export function IommuForm() {
  const t = useT();
  const machine = useMachine();
  const { send, refusal } = useSend();
  return (
    <div className="sbx-form" role="group" aria-labelledby="sbx-iommu-h">
      <h3 id="sbx-iommu-h">{t('sandbox.iommu')}</h3>
      <Switch
        label={t('sandbox.iommu.switch')}
        hint={t('sandbox.iommu.hint')}
        checked={machine.iommu}
        disabled={!machine.ready}
        testid="action-iommu.set"
        onChange={(on) => send({ type: 'iommu.set', on })}
      />
      <Refusal refusal={refusal} />
    </div>
  );
}
