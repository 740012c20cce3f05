// The atlas embedded by esbuild.js at build time from data/models/*.yaml.
declare module 'atlas:bundled' {
  import type { AtlasModel } from '../core/atlas';
  const models: AtlasModel[];
  export default models;
}
