import type { TemplateTable } from './templates';

/** 简体中文 twin of templates.ts: the same keys and placeholders, worded for a student (GLOSSARY.md). */
export const kernelTemplatesZh: TemplateTable = {
  'kernel.alreadyDown': 'S{{node}} 已经宕机了。',
  'kernel.commandToDownNode': 'S{{node}} 已宕机：$t(kernel.command.{{command}})指令丢失了。',
};

export const kernelWordsZh: TemplateTable = {
  'kernel.command.timeout': '超时（timeout）',
  'kernel.command.request': '客户端请求（request）',
  'kernel.command.rumor': '发起谣言（rumor）',
  'kernel.command.join': '加入集群（join）',
  'kernel.command.leave': '离开集群（leave）',
};
