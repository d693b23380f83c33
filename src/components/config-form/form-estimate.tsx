import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import type { Row } from './config-form-model';
import { EstimateSlot } from './estimate-slot';

/** The estimate of the session the form describes, from its Spark property rows as typed. */
export function FormEstimate() {
  const rows = useWatch<{ properties: Row[] }, 'properties'>({ name: 'properties' });
  const properties = useMemo(() => {
    const map: Record<string, string> = {};
    for (const row of rows ?? []) if (row.key.trim()) map[row.key.trim()] = row.value;
    return map;
  }, [rows]);
  return <EstimateSlot properties={properties} title="Cost estimate" />;
}
