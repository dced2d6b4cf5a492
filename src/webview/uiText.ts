// The words the host sent in the page (data-text on #app), read once before the app starts.
import { ENGLISH_PANEL_TEXT, readPanelText, type PanelText } from '../shared/panelText';

let current: PanelText = ENGLISH_PANEL_TEXT;

export function text(): PanelText {
  return current;
}

export function loadPanelText(json: string | undefined): void {
  if (!json) return;
  try {
    current = readPanelText(JSON.parse(json));
  } catch {
    current = ENGLISH_PANEL_TEXT;
  }
}
