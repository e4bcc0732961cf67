// Quotes already in front are counted too, so text that itself starts with "'=" survives the round trip.
const formulaStart = /^'*[=+\-@\t\r]/;
const escapedFormulaStart = /^''*[=+\-@\t\r]/;

/** Keeps spreadsheets from running a cell as a formula (CSV injection): a leading = + - @ tab or CR gets a quote. */
export function escapeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** Undoes escapeFormula, so a file we exported imports with its original values. */
export function unescapeFormula(value: string): string {
  return escapedFormulaStart.test(value) ? value.slice(1) : value;
}
