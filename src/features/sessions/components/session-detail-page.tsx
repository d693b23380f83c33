export function SessionDetailPage() {
  return null;
}
