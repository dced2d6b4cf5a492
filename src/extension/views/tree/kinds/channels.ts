// Channels: live channels, oldest first. A channel row also appears under its bridge (bridges.ts
// lists it as a member). Its label, icon and contextValue are built in labels.ts, shared with
// the tests of its label modes. No vscode.
import { t } from '../../../util/l10n';
import { channelTooltip, channelView, goneView } from '../labels';
import { channelApp } from '../source';
import { sortBy } from '../sortBy';
import { defineCategory } from './spec';

export const channels = defineCategory({
  id: 'channels',
  label: () => t('Channels'),
  icon: 'call-outgoing',
  tooltip: () => t('Live channels, oldest first. Right-click one for what you can do with it; the menu offers only what applies to its state.'),
  expanded: true,
  hint: () => ({ label: t('No channels'), description: t('originate one, or call an extension that runs Stasis()'), command: 'ariExplorer.channel.originate' }),
  modelKinds: ['channel'],
  total: (m) => m.channels.size,
  members: (f) => {
    const out = new Set<string>();
    for (const [id, ch] of f.source.model.channels) {
      if (f.app && channelApp(ch) !== f.app) continue;
      // What the row shows, plus the full name (the 'name' label reorders it).
      if (f.needle && !ch.name.toLowerCase().includes(f.needle) && !f.textOk(channelView(ch, f.channelLabel))) continue;
      out.add(id);
    }
    return out;
  },
  order: (ids, m) => sortBy(ids, (id) => m.channels.get(id)?.creationtime ?? ''),
  row: (id) => ({ kind: 'channel', id }),
  rows: {
    channel: {
      modelKind: 'channel',
      key: (id) => `channel:${id}`,
      view: (node, ctx) => {
        const ch = ctx.source.model.channels.get(node.id);
        if (!ch) return goneView(node.id);
        // A command run on the row just after the channel went can still name it.
        node.name = ch.name;
        return channelView(ch, ctx.channelLabel, ctx.source.controls?.of(ch.id));
      },
      entity: (id, m) => m.channels.get(id),
      tooltip: (id, ctx) => {
        const ch = ctx.source.model.channels.get(id);
        return ch ? channelTooltip(ch) : undefined;
      },
    },
  },
});
