/**
 * English strings of the WeCom adapter (`wecom.*` in the catalog): the page marker of long
 * replies, the weekly check-in card, and the lines that stand in for Slack's threads, since WeCom
 * has none (a reminder or a digest check-in arrives as a message of its own), and the short
 * replies to card clicks and to messages that are not text.
 */
export const wecomEn = {
  page: '({page}/{pages})',
  command: {
    comment: '/okr comment {ref} <text>',
  },
  card: {
    source: 'OKR weekly check-in',
    keyResult: 'Key result',
    moreKeyResults: 'More',
    moreKeyResultsValue: '{count} more, tap Details to see them all',
    howTo: 'Pick a key result, then tap how it is going.',
    recorded: '{ref}: {choice} ✓',
    moreRecorded: 'and {count} more recorded',
    allRecorded: 'Every key result has a check-in this week. Thank you!',
    button: {
      on_track: 'On track',
      at_risk: 'At risk',
      off_track: 'Off track',
      details: 'Details',
    },
  },
  lead: {
    reminder: 'About this week’s check-in card',
    digestCheckIn: 'New check-in for this week’s team digest',
  },
  digest: {
    followUp: 'Members’ check-ins follow as separate messages.',
    feedback: 'Give feedback on a key result with {comment}.',
  },
  inbound: {
    textOnly: 'I can only read text messages. Type a command, e.g. /okr help.',
    askValue: 'Recorded {ref}: {confidence}. What is its value now? Reply with the number and, if you like, a note, e.g. 45 waiting on legal.',
  },
  directory: {
    started: 'Syncing the WeCom directory now; I will tell you when it is done.',
    done: 'Directory synced: {teamsCreated} teams created, {teamsUpdated} updated; {membersCreated} people added, {membersUpdated} renamed, {membersDeactivated} deactivated, {membersReactivated} back; {managersSet} reporting lines set; {chatsCreated} team group chats created, {chatsUpdated} updated.',
    failed: 'The directory sync did not finish: {reason}. Nothing was changed.',
  },
};
