import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'wouter';
import { paths } from '../../../lib/paths';
import { ConfigSections } from '../../../components/config-sections';
import { ErrorPanel } from '../../../components/error-panel';
import { NameValueSection } from '../../../components/name-value-list';
import { NotFoundPage } from '../../../components/not-found-page';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { parentName, templateName } from '../../../schemas/names';
import { templateDetailQuery } from '../api/template-queries';

/** A session template: what it sets for the sessions made from it. */
export function TemplateDetailPage() {
  const { project = '', location = '', template: templateId = '' } = useParams();
  const name = templateName(parentName({ project, location }), templateId);
  const query = useQuery(templateDetailQuery(name));
  const back = paths.sessions(project, location);
  if (query.isPending) return <Skeleton height={240} aria-label="Loading template" />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.httpStatus === 404)
      return (
        <NotFoundPage title="Template not found" backTo={back}>
          {query.error.message}
        </NotFoundPage>
      );
    return (
      <ErrorPanel error={query.error} what={`template ${templateId}`} onRetry={() => void query.refetch()} />
    );
  }
  const template = query.data;
  const type = template.sparkConnectSession
    ? 'Spark Connect'
    : template.jupyterSession
      ? `Jupyter (${template.jupyterSession.kernel ?? 'kernel not set'})`
      : undefined;
  return (
    <>
      <Button component={RouterLink} to={back} startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        Sessions
      </Button>
      <Typography variant="h4" component="h1" gutterBottom>
        Template {templateId}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2 }}>
        <NameValueSection
          title="Overview"
          rows={[
            { name: 'Resource name', value: template.name },
            { name: 'Description', value: template.description },
            { name: 'UUID', value: template.uuid },
            { name: 'Creator', value: template.creator },
            { name: 'Created', value: formatDateTime(template.createTime) },
            { name: 'Updated', value: formatDateTime(template.updateTime) },
            { name: 'Session type', value: type },
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
        <ConfigSections config={template} />
      </Box>
    </>
  );
}
