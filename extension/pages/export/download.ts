/** Saves text as a file through a Blob link (no downloads permission needed on an extension page). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the URL to the download; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
