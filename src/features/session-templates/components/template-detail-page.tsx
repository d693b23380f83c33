import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'wouter';
import { ConfigSections } from '../../../components/config-sections';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { RowLink } from '../../../components/data-table';
import { NameValueSection } from '../../../components/name-value-list';
import { EstimateSlot } from '../../../components/config-form/estimate-slot';
import { TemplateSessionsSlot } from '../../../components/template-sessions-slot';
import { PageFrame, TWO_COLUMNS, placeCrumbs } from '../../../components/page-frame';
import { toYaml } from '../../../components/config-form/resource-text';
import { downloadText } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { idOf, type Place } from '../../../schemas/names';
import type { SessionTemplate } from '../../../schemas/wire';
import { SessionStateChip } from '../../../components/session-state-chip';
import { sessionKind } from '../../../lib/session-state';
import { flash } from '../../../lib/flash';
import { useDeleteTemplate } from '../../../lib/api/template-queries';
import { SCAN_CAP, useSessionsUsing, type SessionsUsing } from '../api/sessions-using';
import { exportedTemplate } from '../form/template-form-model';

/** What the scan found so far, and how far it got; never "none" before it has finished. */
function scanSummary(using: SessionsUsing): string {
  const n = using.sessions.length;
  const found = `${n} session${n === 1 ? '' : 's'}`;
  if (using.error)
    return `Found ${found} in the first ${using.scanned} before the list failed: ${using.error.message}`;
  if (!using.done) return `Checking… ${using.scanned} sessions read, ${found} found so far.`;
  if (using.capped)
    return `${found} among the newest ${using.scanned} sessions of this region. Older sessions were not checked (the check stops at ${SCAN_CAP.toLocaleString()}).`;
  return n
    ? `${found} of the ${using.scanned} in this region ${n === 1 ? 'uses' : 'use'} this template.`
    : `No session of the ${using.scanned} in this region uses this template.`;
}

function SessionsUsingSection({ using }: { using: SessionsUsing }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="using-title" sx={{ p: 2 }}>
      <Typography id="using-title" variant="h6" component="h2" gutterBottom>
        Sessions using this template
      </Typography>
      {!using.done && <LinearProgress aria-label="Checking sessions" sx={{ mb: 1 }} />}
      <Typography variant="body2" color="text.secondary" role="status" data-testid="using-summary">
        {scanSummary(using)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The API cannot list sessions by template, so this page reads the region&apos;s sessions and matches
        them.
      </Typography>
      {using.sessions.length > 0 && (
        <Box
          component="ul"
          sx={{ m: 0, pl: 2.5, display: 'grid', gap: 0.5 }}
          aria-label="Sessions using this template"
        >
          {using.sessions.map((s) => (
            <li key={s.name}>
              <RowLink to={paths.session(s.name!)}>{idOf(s.name)}</RowLink>{' '}
              <SessionStateChip state={s.state} />
            </li>
          ))}
        </Box>
      )}
    </Paper>
  );
}

/** A session template: every field, the sessions made from it, and what can be done with it. */
export function TemplateDetailPage({ template, place }: { template: SessionTemplate; place: Place }) {
  const name = template.name!;
  const templateId = idOf(name);
  const [, navigate] = useLocation();
  const using = useSessionsUsing(name);
  const remove = useDeleteTemplate();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const exported = exportedTemplate(template);

  return (
    <PageFrame
      title={`Template ${templateId}`}
      breadcrumbs={placeCrumbs(place, 'templates', { label: templateId })}
      actionsLabel="Template actions"
      actions={
        <>
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() =>
              navigate(paths.newSession(place.project, place.location), { state: { template: name } })
            }
          >
            Create session from this template
          </Button>
          <Button
            variant="outlined"
            startIcon={<EditIcon />}
            component={RouterLink}
            to={paths.editTemplate(name)}
          >
            Edit
          </Button>
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            onClick={() =>
              downloadText(`${JSON.stringify(exported, null, 2)}\n`, `${templateId}.json`, 'application/json')
            }
          >
            Export JSON
          </Button>
          <Button
            variant="outlined"
            startIcon={<DownloadIcon />}
            onClick={() =>
              void toYaml(exported).then((text) =>
                downloadText(text, `${templateId}.yaml`, 'application/yaml'),
              )
            }
          >
            Export YAML
          </Button>
          <Button
            variant="outlined"
            color="error"
            startIcon={<DeleteIcon />}
            disabled={remove.isPending}
            onClick={() => setConfirmDelete(true)}
          >
            Delete
          </Button>
        </>
      }
    >
      {remove.error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          Could not delete: {remove.error.message}
        </Alert>
      )}
      <Box sx={TWO_COLUMNS}>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <NameValueSection
            title="Overview"
            rows={[
              { name: 'Template ID', value: templateId },
              { name: 'Resource name', value: name },
              { name: 'Description', value: template.description },
              { name: 'UUID', value: template.uuid },
              { name: 'Creator', value: template.creator },
              { name: 'Created', value: formatDateTime(template.createTime) },
              { name: 'Updated', value: formatDateTime(template.updateTime) },
              {
                name: 'Labels',
                value: Object.keys(template.labels ?? {}).length > 0 && (
                  <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                    {Object.entries(template.labels ?? {}).map(([k, v]) => (
                      <Chip key={k} size="small" label={v ? `${k}=${v}` : k} />
                    ))}
                  </Box>
                ),
              },
            ]}
          />
          <NameValueSection
            title="Session type"
            rows={[
              { name: 'Type', value: sessionKind(template) },
              { name: 'Kernel', value: template.jupyterSession?.kernel },
              { name: 'Display name', value: template.jupyterSession?.displayName },
            ]}
          />
          <ConfigSections config={template} />
        </Box>
        <Box sx={{ display: 'grid', gap: 2, alignContent: 'start', minWidth: 0 }}>
          <EstimateSlot
            properties={template.runtimeConfig?.properties ?? {}}
            title="Cost estimate for sessions made from it"
          />
          <SessionsUsingSection using={using} />
          <TemplateSessionsSlot
            template={template}
            place={place}
            sessions={using.sessions}
            scanDone={using.done}
          />
        </Box>
      </Box>
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete template ${templateId}?`}
        confirmLabel="Delete"
        onClose={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(name, {
            onSuccess: () => {
              const listPath = paths.templates(place.project, place.location);
              flash(`Template ${templateId} deleted.`, listPath);
              navigate(listPath);
            },
          })
        }
      >
        <Typography gutterBottom>
          The template is removed for good. Sessions made from it keep running with their settings.
        </Typography>
        {using.sessions.length > 0 ? (
          <>
            <Typography gutterBottom>
              {using.sessions.length} session{using.sessions.length === 1 ? '' : 's'} still name it:
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label="Sessions that still use it">
              {using.sessions.map((s) => (
                <li key={s.name}>
                  {idOf(s.name)} ({s.state?.toLowerCase()})
                </li>
              ))}
            </Box>
          </>
        ) : null}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {scanSummary(using)}
        </Typography>
      </ConfirmDialog>
    </PageFrame>
  );
}
