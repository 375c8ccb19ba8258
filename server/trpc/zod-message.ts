/** Issue shape shared by zod and Standard Schema validators. */
type Issue = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string };

export function hasIssues(cause: unknown): cause is { issues: Issue[] } {
  return typeof cause === 'object' && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

/**
 * "mutations.0.payload.name: name is required; limit: …" — names the field, so a client
 * developer (or the sidebar's error report) sees what to fix without reading JSON.
 */
export function describeIssues(issues: Issue[]): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Like zod's flattenError, for any issue list: field path → messages. */
export function flattenIssues(issues: Issue[]) {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
    if (path) (fieldErrors[path] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  return { formErrors, fieldErrors };
}
