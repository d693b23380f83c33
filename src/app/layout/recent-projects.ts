/** The projects this browser opened last, newest first, for the project picker's suggestions. */
const KEY = 'dataproc-console.recent-projects';
const MAX = 8;

export function readRecentProjects(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((p): p is string => typeof p === 'string').slice(0, MAX)
      : [];
  } catch {
    return [];
  }
}

export function rememberProject(project: string): string[] {
  const next = [project, ...readRecentProjects().filter((p) => p !== project)].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage may be unavailable (private mode); the list then lasts for this page only.
  }
  return next;
}
