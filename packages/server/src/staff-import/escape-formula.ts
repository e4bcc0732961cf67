// Quotes already in front are counted too, so text that itself starts with "'=" survives the round trip.
// Full-width ＝ ＋ － ＠ get the quote too, in case a spreadsheet's input conversion reads them as ASCII.
const formulaStart = /^'*[=+\-@\t\r＝＋－＠]/;
const escapedFormulaStart = /^''*[=+\-@\t\r＝＋－＠]/;
// A figure such as "-120" or "+0.5" is a number in every spreadsheet, never a formula.
const plainNumber = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Keeps spreadsheets from running a cell as a formula (CSV injection): a leading = + - @ (half- or
 * full-width), tab or CR gets a quote. A plain number keeps its sign and stays as it is.
 */
export function escapeFormula(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/** Undoes escapeFormula, so a file we exported imports with its original values. */
export function unescapeFormula(value: string): string {
  return escapedFormulaStart.test(value) ? value.slice(1) : value;
}
