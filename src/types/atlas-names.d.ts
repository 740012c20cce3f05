// The names data (data/names.yaml), validated and embedded by esbuild.js.
declare module 'atlas:names' {
  import type { MentionNames } from '../core/mentions/mentionSpellings';
  const names: MentionNames;
  export default names;
}
