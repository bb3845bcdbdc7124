import type { ConstantName, TimingConstant } from '../../contract';
import type { MessageKey } from '../../i18n';
import { formatCount, formatNs } from '../format';
import { useLang, useT } from '../hooks';
import { CONSTANT_TITLES } from './constants';
import { Badge, Facts, Head, Note, Row } from './parts';
import { CONFIDENCE, constantValue } from './story';

/**
 * A timing constant: value in its unit, source, confidence (low, vendor-claim and model
 * confidences are flagged), and the note. Takes the constant as a prop, so any table can feed it.
 */
export function ConstantDetails({
  name,
  constant,
}: {
  readonly name: ConstantName;
  readonly constant: TimingConstant | undefined;
}) {
  const t = useT();
  const lang = useLang();
  const title = CONSTANT_TITLES[name] ? t(CONSTANT_TITLES[name]) : name;
  if (!constant) {
    return (
      <div data-testid="inspect-constant">
        <Head title={title} kind={t('inspector.constant.kind')} />
        <Note>{t('inspector.constant.unavailable')}</Note>
      </div>
    );
  }
  const conf = CONFIDENCE[constant.confidence];
  return (
    <div data-testid="inspect-constant" data-confidence={constant.confidence}>
      <Head title={title} kind={t('inspector.constant.kind')} />
      <Facts>
        <Row term={t('inspector.constant.value')} testid="inspect-constant-value">
          <strong>
            {constantValue(constant, {
              ns: (n) => formatNs(lang, n),
              count: (n) => formatCount(lang, n),
            })}
          </strong>
        </Row>
        <Row term={t('inspector.constant.confidence')}>
          <Badge tone={conf.flag ? 'warn' : 'ok'}>{t(conf.key)}</Badge>
        </Row>
        <Row term={t('inspector.constant.source')}>{constant.source}</Row>
        {constant.note ? <Row term={t('inspector.constant.note')}>{constant.note}</Row> : null}
        <Row term={t('inspector.constant.id')}>
          <code>{name}</code>
        </Row>
      </Facts>
      {conf.flag ? <Note tone="warn">{t(`${conf.key}.explain` as MessageKey)}</Note> : null}
    </div>
  );
}
