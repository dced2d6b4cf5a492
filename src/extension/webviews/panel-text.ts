// The event panel's words in the display language, for the webview (see shared/panel-text).
// No vscode import: t() is installed by activation.
import type { PanelText } from '../../shared/panel-text';
import { t } from '../util/l10n';

export function panelText(): PanelText {
  return {
    filterText: t('Filter text in the JSON'),
    filterTextTitle: t('Text anywhere in the event JSON (ignores case)'),
    channel: t('Channel'),
    channelTitle: t('Channel id (exact) or part of its name: shows its timeline'),
    bridge: t('Bridge'),
    bridgeTitle: t('Bridge id (exact) or part of its name'),
    app: t('App'),
    appTitle: t('Stasis application name'),
    pause: t('Pause'),
    pauseTitle: t('Pause (events keep being buffered)'),
    resume: t('Resume'),
    heldSuffix: t(' held'),
    heldTitle: t('Events received while paused (before filtering); Resume shows them'),
    follow: t('Follow the newest events'),
    clear: t('Clear'),
    export: t('Export… (NDJSON)'),
    openLog: t('Open Event Log…'),
    backToLive: t('Back to live events'),
    listLabel: t('ARI events'),
    colTime: t('Time'),
    colType: t('Type'),
    colObject: t('Object'),
    colSummary: t('Summary'),
    rowCount: t('{0} events · buffer {1}'),
    rowCountFiltered: t('{0} of {1} events · buffer {2}'),
    typeFilterTitle: t('Filter by event type'),
    allTypes: t('All types'),
    nTypes: t('{0} types'),
    findType: t('Find a type'),
    typeAll: t('All'),
    typeSeen: t('Seen'),
    typeClear: t('Clear'),
    eventTypes: t('Event types'),
    loading: t('Loading…'),
    gone: t('This event is no longer in the buffer.'),
    channelTimeline: t('Timeline of channel {0}'),
    channelId: t('Channel id: {0}'),
    bridgeEvents: t('Events of bridge {0}'),
    bridgeId: t('Bridge id: {0}'),
  };
}
