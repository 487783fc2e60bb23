// `npx mocha test/unit/x.test.ts` runs only that file; plain `mocha` (npm run test:unit) runs them all.
// (A .mocharc.json `spec` would be added to the files named on the command line, running everything.)
const named = process.argv.slice(2).filter((arg) => /\.test\.ts$/.test(arg));

module.exports = {
  spec: named.length > 0 ? named : ['test/unit/**/*.test.ts'],
  'node-option': ['import=tsx'],
  extension: ['ts'],
  timeout: 20000,
  reporter: 'spec',
};
