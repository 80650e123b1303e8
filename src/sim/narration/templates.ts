/**
 * English narration templates, keyed by the message key a node passes to `io.narrate`.
 * Placeholders use i18next syntax (`{{name}}`), so the UI can load these as translation
 * resources; node ids are rendered as S<id> by the `S` prefix in the template.
 */
export type TemplateTable = Readonly<Record<string, string>>;

export const kernelTemplates: TemplateTable = {
  'kernel.alreadyDown': 'S{{node}} is already down.',
  'kernel.commandToDownNode': 'S{{node}} is down: the {{command}} command is lost.',
};
