import { CSV_FIELD_NAMES } from '../../../../common/api/imports';
import { CSV_FIELD_LABELS } from './labels';

export type CsvColumns = Partial<Record<(typeof CSV_FIELD_NAMES)[number], string>>;

interface Props {
  headers: string[];
  columns: CsvColumns;
  dateOrder: 'dmy' | 'mdy';
  onChange: (columns: CsvColumns, dateOrder: 'dmy' | 'mdy') => void;
}

/** Which CSV column holds which part of a comment; suggested from the header, changeable. */
export function CsvMapping({ headers, columns, dateOrder, onChange }: Props) {
  return (
    <fieldset className="import-mapping">
      <legend>Columns</legend>
      {CSV_FIELD_NAMES.map((field) => (
        <label key={field} className="import-mapping__row">
          <span>
            {CSV_FIELD_LABELS[field]}
            {field === 'content' ? ' (required)' : ''}
          </span>
          <select value={columns[field] ?? ''} onChange={(e) => onChange({ ...columns, [field]: e.target.value || undefined }, dateOrder)}>
            <option value="">(none)</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="import-mapping__row">
        <span>Dates like 05/03/2024 are</span>
        <select value={dateOrder} onChange={(e) => onChange(columns, e.target.value as 'dmy' | 'mdy')}>
          <option value="dmy">day/month/year (UK)</option>
          <option value="mdy">month/day/year (US)</option>
        </select>
      </label>
    </fieldset>
  );
}
