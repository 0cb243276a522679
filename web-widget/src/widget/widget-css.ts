import uiCss from '@infocig/shared/ui/ui.css?inline';
import answersCss from './styles/answers.css?inline';
import baseCss from './styles/base.css?inline';
import chatCss from './styles/chat.css?inline';
import claimsCss from './styles/claims.css?inline';
import followupsCss from './styles/followups.css?inline';

const ROOT_FONT_PX = 16;

/**
 * The widget's styles, for its shadow root. `rem` is the host page's root font size, which the
 * host may set to anything: lengths are fixed in pixels here so that the host cannot resize us.
 */
export const WIDGET_CSS = [uiCss, baseCss, claimsCss, chatCss, followupsCss, answersCss]
  .join('\n')
  .replace(/(-?\d*\.?\d+)rem\b/g, (_, n: string) => `${Number(n) * ROOT_FONT_PX}px`);
