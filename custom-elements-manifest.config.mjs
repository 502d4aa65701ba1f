// custom-elements.json for @referral-kit/widgets, from the components' JSDoc (@fires, @csspart, @cssprop, @attr)
// and Lit's decorators. Written to packages/widgets/dist/ by `npm run build`; package.json's "customElements" points there.

/**
 * The elements register through a guarded `defineElement('tag', Class)` (internal/define.ts), which the analyzer
 * does not know: this plugin reads those calls as definitions, and drops what it misreads instead (the generic
 * `customElements.define(tag, ctor)` inside define.ts, and the events it guesses from `dispatchEvent(new XEvent(a))`,
 * whose first argument is a payload, not the name). Events come from each element's @fires JSDoc.
 */
function guardedDefine() {
  return {
    name: 'referral-kit-guarded-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, ctor] = node.arguments;
      if (!tag || !ctor || !ts.isStringLiteral(tag)) return;
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: ctor.getText(), module: moduleDoc.path },
      });
      const declaration = moduleDoc.declarations?.find((d) => d.name === ctor.getText());
      if (declaration) Object.assign(declaration, { customElement: true, tagName: tag.text });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        moduleDoc.exports = moduleDoc.exports?.filter(
          (e) => !(e.kind === 'custom-element-definition' && moduleDoc.path.endsWith('/define.ts')),
        );
        for (const declaration of moduleDoc.declarations ?? []) {
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    },
  };
}

export default {
  globs: ['packages/widgets/src/**/*.ts'],
  exclude: [
    'packages/widgets/src/embed.ts',
    'packages/widgets/src/embed-local-search.ts',
    'packages/widgets/src/embed-callbacks.ts',
    'packages/widgets/src/local-search.ts',
    'packages/widgets/src/react.ts',
  ],
  outdir: 'packages/widgets/dist',
  litelement: true,
  // The root package.json is not the widgets package; its "customElements" field is maintained by hand.
  packagejson: false,
  plugins: [guardedDefine()],
};
