import { useQuery } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { placeCrumbs } from '../components/page-frame';
import { LoadResource } from '../components/load-resource';
import { templateDetailQuery } from '../lib/api/template-queries';
import { paths } from '../schemas/console-routes';
import { parentName, templateName } from '../schemas/names';
import { TemplateDetailPage, TemplateFormPage, usePlace } from './routes';

/** The detail and edit routes load the template the same way. */
function LoadTemplate({ editing }: { editing: boolean }) {
  const place = usePlace();
  const { template: id = '' } = useParams();
  const query = useQuery(templateDetailQuery(templateName(parentName(place), id)));
  return (
    <LoadResource
      query={query}
      title={`Template ${id}`}
      what={`template ${id}`}
      breadcrumbs={placeCrumbs(place, 'templates', { label: id })}
      notFound={{
        title: 'Template not found',
        backTo: paths.templates(place.project, place.location),
        backLabel: 'Back to templates',
        text: `There is no template ${id} in ${place.project} / ${place.location}.`,
      }}
    >
      {(template) =>
        editing ? (
          // The form starts from the version loaded first and keeps it as its base, even when the
          // query refreshes: a change by someone else is found when saving, never applied silently.
          <TemplateFormPage place={place} template={template} />
        ) : (
          <TemplateDetailPage template={template} place={place} />
        )
      }
    </LoadResource>
  );
}

export const TemplateDetailRoute = () => <LoadTemplate editing={false} />;
export const TemplateEditRoute = () => <LoadTemplate editing />;
