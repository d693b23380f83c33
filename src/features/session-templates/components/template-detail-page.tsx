export function TemplateDetailPage() {
  return null;
}
