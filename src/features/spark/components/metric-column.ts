import type { Column } from '../../../components/data-table';
import { formatBytes, num } from '../units';

type Metric = string | number | undefined;

/** A right-aligned Spark metric: shown in Spark's units (bytes unless told), sorted by the number. */
export function metricColumn<Row>(
  id: string,
  header: string,
  value: (row: Row) => Metric,
  format: (value: Metric) => string = formatBytes,
): Column<Row, null> {
  return {
    id,
    header,
    className: 'num',
    cell: (row) => format(value(row)),
    sortValue: (row) => num(value(row)),
  };
}
