import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { FindingGroup } from '../diagnosis';
import { RowLink as CellLink } from '../../../components/data-table';

/**
 * Findings as a plain list (not alerts: nothing here is urgent, and six alerts were read out on every
 * load; the diagnosis has one polite summary instead): what was measured, what it means, the property that usually helps. */
export function FindingList({
  groups,
  stageHref,
}: {
  groups: FindingGroup[];
  /** A link to the stage, in the summary; none on the stage's own page. */
  stageHref?: (stageId: string) => string | undefined;
}) {
  return (
    <Box
      component="ul"
      // minmax(0, 1fr) and wrapping anywhere: a long property name wraps instead of widening the page.
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: 1,
        overflowWrap: 'anywhere',
      }}
    >
      {groups.map(({ finding: f, alsoIn }) => {
        const href = stageHref?.(f.stageId);
        return (
          <li key={`${f.stageId}-${f.kind}`} data-testid="finding" data-kind={f.kind} data-stage={f.stageId}>
            <Alert severity={f.severity} variant="outlined" role="note">
              <AlertTitle>
                {f.title} in {href ? <CellLink to={href}>stage {f.stageId}</CellLink> : `stage ${f.stageId}`}
              </AlertTitle>
              {f.work && (
                <Typography variant="body2" sx={{ mb: 0.5 }}>
                  {f.work}
                  {alsoIn.length > 0 &&
                    ` · the same in ${alsoIn.length} earlier stage${alsoIn.length === 1 ? '' : 's'} (${alsoIn.slice(0, 5).join(', ')}${alsoIn.length > 5 ? ', …' : ''})`}
                </Typography>
              )}
              <Typography variant="body2" data-testid="finding-evidence">
                <strong>Measured:</strong> {f.evidence}
              </Typography>
              <Typography variant="body2">
                <strong>What it means:</strong> {f.meaning}
              </Typography>
              <Typography variant="body2">
                <strong>What usually helps:</strong> <code>{f.property}</code>. {f.advice}
              </Typography>
            </Alert>
          </li>
        );
      })}
    </Box>
  );
}
