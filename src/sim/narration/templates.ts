/**
 * English narration templates, keyed by the message key a node passes to `io.narrate`.
 * Placeholders use i18next syntax (`{{name}}`, `{{name, format}}`, `$t(key)`; see render.ts), so
 * the UI can load these as translation resources; node ids are rendered as S<id> by the `S`
 * prefix in the template. Each table has a Chinese twin in a `.zh.ts` file beside it.
 */
export type TemplateTable = Readonly<Record<string, string>>;

export const kernelTemplates: TemplateTable = {
  'kernel.alreadyDown': 'S{{node}} is already down.',
  'kernel.commandToDownNode': 'S{{node}} is down: the $t(kernel.command.{{command}}) command is lost.',
};

/** Words the templates nest with `$t(…)`: the scenario commands a node can receive. */
export const kernelWords: TemplateTable = {
  'kernel.command.timeout': 'timeout',
  'kernel.command.request': 'request',
  'kernel.command.rumor': 'rumor',
  'kernel.command.join': 'join',
  'kernel.command.leave': 'leave',
};
