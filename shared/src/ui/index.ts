/** React components shared by the widget and the console; their styles are in `ui.css`. */
export * from './ClaimAnswers.tsx';
export * from './Composer.tsx';
export * from './LanguageSwitch.tsx';
export * from './LiveRegion.tsx';
export * from './MessageList.tsx';
export * from './tones.ts';
export * from './useDevSignIn.ts';
export * from './useWhileSeen.ts';
