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

/**
 * The event classes are declared as `class X extends typedEvent('name', (a: A, b: B) => ({ a, b })) {}`, which the
 * analyzer reads as a mixin applied to a superclass named after the event. This plugin describes them as what they
 * are at run time: an `Event` with a static `eventName` and the named readonly fields the factory's parameters give.
 */
function typedEvents() {
  const found = new Map();
  return {
    name: 'referral-kit-typed-events',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const call = node.heritageClauses?.[0]?.types[0]?.expression;
      if (!call || !ts.isCallExpression(call) || call.expression.getText() !== 'typedEvent') return;
      const [eventName, fields] = call.arguments;
      if (!eventName || !ts.isStringLiteral(eventName)) return;
      const parameters = fields && ts.isArrowFunction(fields) ? fields.parameters : [];
      found.set(`${moduleDoc.path}#${node.name.text}`, {
        eventName: eventName.text,
        fields: parameters.map((p) => ({ name: p.name.getText(), type: p.type?.getText() })),
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        for (const declaration of moduleDoc.declarations ?? []) {
          const event = found.get(`${moduleDoc.path}#${declaration.name}`);
          if (!event) continue;
          delete declaration.mixins;
          declaration.superclass = { name: 'Event', package: 'global:' };
          declaration.members = [
            {
              kind: 'field',
              name: 'eventName',
              type: { text: 'string' },
              static: true,
              readonly: true,
              default: `'${event.eventName}'`,
            },
            ...event.fields.map(({ name, type }) => ({
              kind: 'field',
              name,
              ...(type ? { type: { text: type } } : {}),
              readonly: true,
            })),
          ];
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
  plugins: [guardedDefine(), typedEvents()],
};
