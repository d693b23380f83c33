import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { ConfigSections } from '../../../components/config-sections';
import { PageFrame, placeCrumbs } from '../../../components/page-frame';
import { NameValueSection } from '../../../components/name-value-list';
import { formatDateTime } from '../../../lib/format';
import { idOf, type Place } from '../../../schemas/names';
import type { SessionTemplate } from '../../../schemas/wire';

/** A session template: what it sets for the sessions made from it. */
export function TemplateDetailPage({ template, place }: { template: SessionTemplate; place: Place }) {
  const templateId = idOf(template.name);
  const type = template.sparkConnectSession
    ? 'Spark Connect'
    : template.jupyterSession
      ? `Jupyter (${template.jupyterSession.kernel ?? 'kernel not set'})`
      : undefined;
  return (
    <PageFrame
      title={`Template ${templateId}`}
      breadcrumbs={placeCrumbs(place, 'templates', { label: templateId })}
    >
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
    </PageFrame>
  );
}
