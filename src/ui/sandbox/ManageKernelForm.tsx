import type { ImageKind, Input } from '../../contract';
import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useT } from '../hooks';
import { ActionForm } from './ActionForm';
import { IMAGE_KIND_LIST, IMAGE_KINDS } from './catalog';
import { SelectField, TextField } from './Fields';
import { MAX_MIB, allowedVerbs, effective, parseRequiredInt, type Verb } from './parse';
import { useErrors } from './use-errors';
import { useSend } from './use-send';
import { useInstances } from './view';

/** kexec_file_load's image for a spawn: the presets use the same name and version. */
const IMAGE = { name: 'vmlinuz-mk', version: '6.18.0-mk' } as const;

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
