import type { Controller } from '../controller';
import { i18n } from '../i18n';
import { useUi } from '../store';
import { embedSnippet } from './links';

/** Makes the share link (shown in the share box), then puts its embed code on the clipboard and beside it. */
export async function copyEmbedCode(controller: Controller): Promise<string> {
  const link = await controller.share();
  const snippet = embedSnippet(link, i18n.t('share.embedTitle', { title: useUi.getState().frame?.title ?? '' }));
  let copied = true;
  try {
    await navigator.clipboard.writeText(snippet);
  } catch {
    // No clipboard (permission, insecure origin): the snippet is in a textbox to copy by hand.
    copied = false;
  }
  useUi.getState().setEmbed({ copied });
  return snippet;
}
