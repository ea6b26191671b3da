import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text asset of the build, so that the
 * server sends them as they are (server/src/http/client-assets.ts) instead of compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'mcbo-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const full = path.join(dir, e.name);
          return e.isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(file)) continue;
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        // Brotli's best quality is slow on large files; 9 is within a few per cent of it there.
        const quality = raw.length > 512 * 1024 ? 9 : 11;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(raw, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

const ICONS_ID = 'virtual:dsfr-icons.css';
const ICONS_DIR = path.resolve(import.meta.dirname, '../node_modules/@codegouvfr/react-dsfr/dsfr/icons');

/**
 * DSFR's utility icon sheet declares ~1 500 icons, each inlined by the build (1.4 MB of the CSS). This
 * virtual sheet declares only the `fr-icon-*` classes that the console's sources use, found by scanning
 * them at build time, so a new icon in a component needs nothing else.
 */
function dsfrIcons(): Plugin {
  const srcDir = path.resolve(import.meta.dirname, 'src');
  const svgOf = new Map<string, string>();
  for (const category of fs.readdirSync(ICONS_DIR)) {
    const dir = path.join(ICONS_DIR, category);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir))
      if (file.endsWith('.svg')) svgOf.set(file.slice(0, -4), path.join(dir, file));
  }
  const usedIcons = () => {
    const names = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(tsx?|css)$/.test(e.name))
          for (const m of fs.readFileSync(full, 'utf8').matchAll(/fr-icon-([a-z0-9-]+)/g)) names.add(m[1]!);
      }
    };
    walk(srcDir);
    return [...names].filter((n) => svgOf.has(n)).sort();
  };
  return {
    name: 'mcbo-dsfr-icons',
    resolveId: (id) => (id === ICONS_ID ? '\0' + ICONS_ID : null),
    load(id) {
      if (id !== '\0' + ICONS_ID) return null;
      return usedIcons()
        .map((name) => {
          const url = JSON.stringify(svgOf.get(name));
          return `.fr-icon-${name}::before,.fr-icon-${name}::after{-webkit-mask-image:url(${url});mask-image:url(${url})}`;
        })
        .join('\n');
    },
  };
}

export default defineConfig({
  plugins: [react(), dsfrIcons(), precompress()],
  server: {
    proxy: { '/graphql': 'http://localhost:4000', '/api': 'http://localhost:4000' },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
