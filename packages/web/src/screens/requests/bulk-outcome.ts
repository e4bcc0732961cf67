/** How a bulk approval went: how many were approved and how many refused. */
export function bulkOutcome(results: readonly { ok: boolean }[]): { approved: number; failed: number } {
  const approved = results.filter((result) => result.ok).length;
  return { approved, failed: results.length - approved };
}
