import {
  configFromWire,
  configImportLosses,
  configProblems,
  configToWire,
  emptyConfig,
  formPathFor,
  formPathForWire,
  importFieldLabel,
  mergeProblems,
  prepareConfigImport,
  problemsSchema,
  prune,
  text,
  type ConfigFormValues,
  type FormProblem,
} from '../../../components/config-form/config-form-model';
import { readResource, type ImportResult } from '../../../components/config-form/resource-text';
import { idOf, placeOf, templateName } from '../../../schemas/names';
import { templateIdProblem, templateRuleViolations, type RuleViolation } from '../../../schemas/rules';
import {
  TEMPLATE_OUTPUT_ONLY,
  lenient,
  strict,
  type FieldViolation,
  type SessionTemplate,
} from '../../../schemas/wire';

/**
 * The template form: the shared config part (type, labels, runtime, environment) plus the
 * template's ID and description. Validated by the same rules the emulator runs on a template.
 */

export interface TemplateFormValues extends ConfigFormValues {
  templateId: string;
  description: string;
}

export function emptyTemplateForm(templateId = ''): TemplateFormValues {
  return { templateId, description: '', ...emptyConfig() };
}

/** The whole template as it will be sent (PATCH replaces every field, so nothing may be left out). */
export function toTemplate(values: TemplateFormValues, parent: string): SessionTemplate & { name: string } {
  return {
    name: templateName(parent, values.templateId.trim()),
    ...prune({ description: text(values.description) }),
    ...configToWire(values),
  };
}

export function fromTemplate(
  template: SessionTemplate,
  templateId = idOf(template.name),
): TemplateFormValues {
  return { templateId, description: template.description ?? '', ...configFromWire(template) };
}

/** The template's own fields: its name holds the ID. */
const OWN_FIELDS = { name: 'templateId', description: 'description' };
/** The template form's own fields as their labels read. */
export const OWN_LABELS = { templateId: 'Template ID', description: 'Description' };

export function templateFormPath(violation: RuleViolation, values: TemplateFormValues): string | undefined {
  return formPathFor(violation, values, OWN_FIELDS);
}

/** For a violation in the server's 400 answer. */
export function templateFormPathForWire(
  violation: FieldViolation,
  values: TemplateFormValues,
): string | undefined {
  return formPathForWire(violation, values, OWN_FIELDS);
}

export function templateFormProblems(values: TemplateFormValues, parent: string): FormProblem[] {
  const own: FormProblem[] = [];
  const idProblem = templateIdProblem(values.templateId.trim());
  if (idProblem) own.push({ path: 'templateId', message: idProblem });
  own.push(...configProblems(values));
  const place = placeOf(parent)!;
  return mergeProblems(own, templateRuleViolations(toTemplate(values, parent), place), (v) =>
    templateFormPath(v, values),
  );
}

export function templateFormSchema(parent: string) {
  return problemsSchema((values: TemplateFormValues) => templateFormProblems(values, parent));
}

/** What a template looks like exported: gcloud's export format, without its name and output-only fields. */
export function exportedTemplate(template: SessionTemplate): SessionTemplate {
  const copy: Record<string, unknown> = { ...template };
  for (const field of [...TEMPLATE_OUTPUT_ONLY, 'name']) delete copy[field];
  return copy as SessionTemplate;
}

/**
 * A template from JSON or YAML (this console's export, `gcloud dataproc session-templates export`,
 * or the API's JSON). The ID comes from its name when it has one, otherwise the form keeps its own.
 */
export async function importTemplate(
  textValue: string,
  templateId: string,
): Promise<ImportResult<TemplateFormValues>> {
  const { data, raw, error, ignored, problems } = await readResource(
    textValue,
    'session template',
    { strict: strict.SessionTemplate, lenient: lenient.SessionTemplate },
    TEMPLATE_OUTPUT_ONLY,
    {
      prepare: prepareConfigImport,
      label: (path) => importFieldLabel(path, OWN_LABELS),
    },
  );
  if (!data) return { error, ignored };
  const fromName = typeof raw?.name === 'string' ? idOf(raw.name) : '';
  const losses = configImportLosses(data).map((p) => `${importFieldLabel(p.path)}: ${p.message}`);
  return {
    values: fromTemplate(data, templateId.trim() || fromName),
    ignored,
    problems: [...problems, ...losses],
  };
}

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/** Leaf values by dotted path (`runtimeConfig.properties.spark.executor.cores`), for the diff. */
function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) out.set(prefix, Array.isArray(value) ? value.join(', ') : String(value));
}

/** What saving would change, field by field; output-only fields are not compared. */
export function templateDiff(before: SessionTemplate, after: SessionTemplate): FieldChange[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(exportedTemplate(before), '', a);
  flatten(exportedTemplate(after), '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields
    .filter((f) => a.get(f) !== b.get(f))
    .map((f) => ({ field: f, before: a.get(f), after: b.get(f) }));
}
