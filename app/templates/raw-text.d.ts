// Template files are imported as their text: vite and vitest read `?raw`; esbuild drops
// the query and loads .txt as text by default (test/unit/script-templates.test.ts).
declare module '*.txt?raw' {
  const text: string;
  export default text;
}
