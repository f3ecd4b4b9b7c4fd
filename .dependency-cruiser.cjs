/** Module boundaries of the modular monolith (GUIDE §2), enforced in `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'web-not-server',
      comment: 'The web app talks to the server over HTTP only; shared contracts live in shared/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-stays-pure',
      comment: 'shared/ is used by both server and web: it may not import either.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'module-through-index',
      comment: 'A module imports another module only through its index.ts (its public surface).',
      severity: 'error',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/([^/]+)/', pathNot: ['^server/src/modules/$1/', '^server/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'web-module-through-api',
      comment: 'A web module uses another web module only through its index.ts.',
      severity: 'error',
      from: { path: '^web/src/modules/([^/]+)/' },
      to: { path: '^web/src/modules/([^/]+)/', pathNot: ['^web/src/modules/$1/', '^web/src/modules/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform has no domain rules; modules depend on it, not the other way round.',
      severity: 'error',
      from: { path: '^server/src/platform/' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
