/** What the reader's screen says for each outcome (decide()'s reasons and the reader's own): Japanese first, then English. */
const outcomeMessages: Readonly<Record<string, string>> = {
  granted: "どうぞお入りください / Access granted",
  free_passage: "開放中です / Door open",
  unknown_door: "設定をまだ受け取っていません / No policy received yet",
  invalid_time: "時刻を確認できません / Cannot read the time",
  lockdown: "閉鎖中です / Door in lockdown",
  unknown_card: "登録されていないカードです / Unknown card",
  suspended: "利用停止中のカードです / Card suspended",
  revoked: "失効したカードです / Card revoked",
  not_yet_valid: "まだ使えないカードです / Card not yet valid",
  expired: "有効期限切れのカードです / Card expired",
  no_permission: "この扉の権限がありません / No permission for this door",
  outside_schedule: "利用時間外です / Outside permitted hours",
  assurance_too_low: "より強い認証が必要です / Stronger proof needed",
  pin_required: "暗証番号が必要です / PIN required",
  anti_passback: "退室の記録がありません / Already inside: leave first",
  two_person_pending: "もう一人のカードをかざしてください / Second person, please tap",
  pin_wrong: "暗証番号が違います / Wrong PIN",
  pin_guard:
    "暗証番号の残り回数が少ないため入力できません。窓口で再設定してください / One PIN try left: reset it at the counter",
  pin_blocked:
    "暗証番号がロックされています。窓口で再設定してください / PIN blocked: reset it at the counter",
  pin_cancelled: "暗証番号が入力されませんでした / No PIN entered",
  proof_failed: "カードを確認できませんでした / The card could not be proven",
  card_unreadable: "カードを読み取れませんでした。もう一度かざしてください / Card unreadable: tap again",
};

export function describeOutcome(reason: string): string {
  return outcomeMessages[reason] ?? `受け付けられませんでした / Refused (${reason})`;
}
