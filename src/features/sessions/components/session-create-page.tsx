export function SessionCreatePage() {
  return null;
}
