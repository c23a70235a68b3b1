/** Offers data as a file download. No imports, so the lesson page can use it without loading TF.js. */
export function download(name: string, data: BlobPart | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
