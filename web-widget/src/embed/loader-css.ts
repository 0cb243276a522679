/**
 * The launcher's and the panel's styles, inside the shadow root. `all: initial` on the host (with
 * `!important`, which beats the page's own `!important`) keeps the page's inherited styles out;
 * lengths are in pixels, as the page may set any root font size.
 */
export const LOADER_CSS = `
:host { all: initial !important; display: block !important; }
.launcher, .panel { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; }
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  padding: 12px 20px; border: 2px solid #ffffff; border-radius: 28px;
  background: #0059b3; color: #ffffff; font-weight: 600; cursor: pointer;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3);
}
.launcher:hover { background: #003d7a; }
.launcher:focus-visible, .close:focus-visible, .to-chat:focus-visible, .retry:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.launcher[hidden], .badge[hidden], .panel[hidden], .to-chat[hidden] { display: none; }
.badge {
  min-width: 22px; padding: 0 6px; border-radius: 11px; box-sizing: border-box;
  background: #ffffff; color: #a4000f; font-size: 14px; line-height: 22px; text-align: center;
}
.panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483001;
  width: min(460px, calc(100vw - 32px)); height: min(780px, calc(100vh - 32px));
  display: flex; flex-direction: column; box-sizing: border-box;
  background: #ffffff; border: 1px solid #c5c7c9; border-radius: 8px;
  box-shadow: 0 4px 24px rgba(0, 0, 0, 0.3); overflow: hidden;
}
.bar { display: flex; justify-content: flex-end; padding: 4px; border-bottom: 1px solid #c5c7c9; }
.close, .retry, .to-chat {
  font: inherit; cursor: pointer; border-radius: 4px; padding: 6px 12px;
}
.close { border: 1px solid #0059b3; background: #ffffff; color: #003d7a; }
.body { flex: 1; min-height: 0; overflow: auto; padding: 8px; }
.message { margin: 16px; }
.retry { border: 0; background: #0059b3; color: #ffffff; }
.to-chat {
  display: none; margin: 0; border: 0; border-top: 1px solid #c5c7c9; border-radius: 0; padding: 14px;
  background: #0059b3; color: #ffffff; font-weight: 600;
}
@media (max-width: 480px) {
  .panel { inset: 0; width: 100vw; height: 100vh; height: 100dvh; border: 0; border-radius: 0; }
  .to-chat { display: block; }
}
`;
