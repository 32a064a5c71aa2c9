import { money } from '../../lib/format';

const moneyOrDash = (value: number | null): string => (value == null ? '—' : money(value));

interface DealNumbers {
  askingPrice: number | null;
  arv: number | null;
  repairEstimate: number | null;
  mao: number | null;
}

/** A lead's asking price, ARV, repairs and MAO side by side, as the lead page and My calls show them. */
export function DealMath({ lead }: { lead: DealNumbers }) {
  return (
    <div className="deal-math" aria-label="Deal math">
      <div>
        <div className="label">Asking</div>
        <div className="value">{moneyOrDash(lead.askingPrice)}</div>
      </div>
      <div>
        <div className="label">ARV</div>
        <div className="value">{moneyOrDash(lead.arv)}</div>
      </div>
      <div>
        <div className="label">Repairs</div>
        <div className="value">{moneyOrDash(lead.repairEstimate)}</div>
      </div>
      <div className="mao">
        <div className="label">MAO</div>
        <div className="value" data-testid="lead-mao">
          {moneyOrDash(lead.mao)}
        </div>
      </div>
    </div>
  );
}
