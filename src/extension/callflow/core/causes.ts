// The text of the hangup causes a ChannelHangupRequest carries as a bare number (Q.850, as
// Asterisk's causes.h names them); ChannelDestroyed brings its own cause_txt.
const CAUSES: Record<number, string> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  3: 'No route to destination',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  21: 'Call Rejected',
  22: 'Number changed',
  27: 'Destination out of order',
  28: 'Invalid number format',
  31: 'Normal, unspecified',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  41: 'Temporary failure',
  42: 'Switching equipment congestion',
  58: 'Bearer capability not available',
  102: 'Recovery on timer expiry',
  127: 'Interworking, unspecified',
};

export function hangupCauseText(cause: number | undefined): string {
  return cause === undefined ? '' : (CAUSES[cause] ?? '');
}
