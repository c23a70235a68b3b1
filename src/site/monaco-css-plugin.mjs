// Monaco's CSS as styles injected when the editor loads, not <link>s in every page's <head>.
// Astro adds the CSS of everything a page script might import (dynamic imports included) to the
// page, so without this ~175 KB of render-blocking editor CSS would load before any editor does.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0monaco-css:';
const SUFFIX = '.style.js';

export function monacoCssAsScript() {
  return {
    name: 'lab:monaco-css-as-script',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('.css')) return null;
      if (!importer.includes('/monaco-editor/')) return null;
      // The id must not end in ".css", or Vite's CSS pipeline would take the module back.
      return `${PREFIX}${resolve(dirname(importer), source)}${SUFFIX}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const path = id.slice(PREFIX.length, -SUFFIX.length);
      const imports = [];
      // Fonts and images the CSS points at become assets Vite emits and names.
      const css = readFileSync(path, 'utf8').replace(/url\((['"]?)(\.[^'")]+)\1\)/g, (_match, _quote, relative) => {
        const name = `asset${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(`${resolve(dirname(path), relative)}?url`)};`);
        return `url(\${${name}})`;
      });
      return `${imports.join('\n')}
const style = document.createElement('style');
style.dataset.monaco = ${JSON.stringify(path.split('/').pop())};
style.textContent = \`${css.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\`;
document.head.append(style);
`;
    },
  };
}
