import { useT } from './hooks';
import { Legend } from './Legend';
import './start-here.css';

/** The legend, one click away from the header on every screen (a disclosure, not a dialog). */
export function LegendMenu() {
  const t = useT();
  return (
    <details className="legend-menu" data-testid="legend-menu">
      <summary>{t('legend.open')}</summary>
      <div className="legend-pop">
        <Legend />
      </div>
    </details>
  );
}
