// The atlas embedded by esbuild.js at build time from data/models/*.yaml, decoded on first call.
declare module 'atlas:bundled' {
  import type { AtlasModel } from '../core/atlas/atlas';
  export default function bundledModels(): readonly AtlasModel[];
}
