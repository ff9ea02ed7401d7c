const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// Two entries from one build: the HTTP server (main.js) and the queue worker (worker.js).
// node_modules stay external (PGlite loads its wasm from its own package folder).
module.exports = {
  output: { path: join(__dirname, '../dist/backend'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [{ entryName: 'worker', entryPath: './src/worker.ts' }],
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
