/** The small page at GET /: try the model with a JSON body or an image, see the answer and latency. */
import type { LabModelInfo } from '../lab/model-io/info.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function tryPage(name: string, info: LabModelInfo): string {
  const isImage = info.inputShape.length === 3;
  const example = JSON.stringify({ input: info.inputShape.length === 1 ? Array(info.inputShape[0]).fill(0) : '…' });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)}: model API</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
code, textarea, pre { font-family: ui-monospace, monospace; font-size: 0.9rem; }
textarea { width: 100%; min-height: 6rem; }
button { font: inherit; padding: 0.3rem 0.8rem; }
table { border-collapse: collapse; } td, th { padding: 0.2rem 0.8rem; border-bottom: 1px solid #ddd; text-align: left; }
.error { color: #b00020; }
</style></head><body>
<h1>${escapeHtml(name)}</h1>
<p>${escapeHtml(info.description ?? "A model in the lab's format.")}</p>
<p>Classes: ${info.classes.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}. Input shape: <code>[${info.inputShape.join(', ')}]</code>${info.pixelRange ? `, pixels in [${info.pixelRange.join(', ')}]` : ''}.</p>
<h2>Try it</h2>
${isImage ? `<p><label>An image (PNG, JPEG, WebP, GIF): <input type="file" id="image" accept="image/*"></label></p>` : ''}
<p><label for="json">JSON body for <code>POST /predict</code></label><br><textarea id="json">${escapeHtml(example)}</textarea></p>
<p><button id="send">Send JSON</button></p>
<div id="result" role="status" aria-live="polite"></div>
<h2>From code</h2>
<pre>curl -s -X POST ${'$'}URL/predict -H 'content-type: application/json' -d '{"input": [...]}'${isImage ? `\ncurl -s -X POST ${'$'}URL/predict -H 'content-type: image/png' --data-binary @picture.png` : ''}</pre>
<script>
const result = document.getElementById('result');
async function send(body, type) {
  const started = performance.now();
  const response = await fetch('predict', { method: 'POST', headers: { 'content-type': type }, body });
  const answer = await response.json();
  const ms = (performance.now() - started).toFixed(1);
  if (!response.ok) { result.innerHTML = '<p class="error"></p>'; result.firstChild.textContent = response.status + ': ' + answer.error; return; }
  // Built with textContent: class names come from the model's metadata, not from this page.
  const summary = document.createElement('p');
  summary.textContent = 'Answered in ' + ms + ' ms (model time ' + answer.modelMs.toFixed(1) + ' ms, batch of ' + answer.batchSize + ').';
  const table = document.createElement('table');
  table.insertRow().append(...['class', 'probability'].map((text) => Object.assign(document.createElement('th'), { textContent: text })));
  for (const p of answer.predictions[0].probabilities) {
    const row = table.insertRow();
    row.insertCell().textContent = p.class;
    row.insertCell().textContent = (p.probability * 100).toFixed(1) + '%';
  }
  result.replaceChildren(summary, table);
}
document.getElementById('send').onclick = () => send(document.getElementById('json').value, 'application/json');
const image = document.getElementById('image');
if (image) image.onchange = () => image.files[0] && send(image.files[0], image.files[0].type || 'application/octet-stream');
</script>
</body></html>
`;
}
