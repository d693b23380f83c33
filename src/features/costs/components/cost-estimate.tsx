import { Alert } from '../../../components/lazy-alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, useMemo } from 'react';
import { estimateFromProperties, num, type SparkProperties } from '../../../lib/cost';
import { useRegionPrices } from '../api/prices-query';
import { formatMoney } from './money';

/**
 * What a session with these Spark properties costs per hour at its minimum and maximum scale,
 * updated as the properties are typed, with the formula (sizes, overhead, DCU rule, price). The
 * service's defaults stand in for properties left out.
 */
export function CostEstimate({
  properties,
  region,
  title,
}: {
  properties: SparkProperties;
  region: string;
  title: string;
}) {
  const { prices, error } = useRegionPrices(region);
  const estimate = useMemo(
    () => (prices ? estimateFromProperties(properties, prices) : undefined),
    [properties, prices],
  );
  const titleId = useId();
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={titleId}
      sx={{ p: 2, minWidth: 0 }}
      data-testid="cost-estimate"
    >
      <Typography id={titleId} variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {error && <Alert severity="warning">Could not read the price table: {error.message}</Alert>}
      {!error && !estimate && <Typography color="text.secondary">Reading the price table…</Typography>}
      {estimate && (
        <>
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gap: 1,
              gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 160px), 1fr))',
            }}
          >
            {(
              [
                ['At minimum scale', estimate.minimum, 'estimate-minimum'],
                ['At maximum scale', estimate.maximum, 'estimate-maximum'],
              ] as const
            ).map(([label, point, testId]) => (
              <Box key={testId} data-testid={testId}>
                <Typography component="dt" variant="body2" color="text.secondary">
                  {label} ({point.executors} executor{point.executors === 1 ? '' : 's'})
                </Typography>
                <Typography component="dd" sx={{ m: 0, fontSize: 18, fontWeight: 500 }}>
                  {formatMoney(point.perHour, estimate.currency)}/h · {num(point.dcu, 2)} DCU
                </Typography>
              </Box>
            ))}
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
            How: {estimate.computedFrom}. Premium tier (interactive sessions); from the Spark properties here,
            the service&apos;s defaults for the rest.
          </Typography>
          {estimate.ignored.length > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="estimate-ignored">
              Not understood, the default used instead: {estimate.ignored.join('; ')}.
            </Typography>
          )}
          <Box component="details" sx={{ mt: 1 }}>
            <Box component="summary" sx={{ cursor: 'pointer' }}>
              <Typography component="span" variant="body2">
                The formula
              </Typography>
            </Box>
            <Box
              component="ul"
              sx={{ m: 0, pl: 2.5, fontSize: 13, overflowWrap: 'anywhere' }}
              data-testid="estimate-formula"
            >
              {estimate.formula.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </Box>
          </Box>
        </>
      )}
    </Paper>
  );
}
