import PDFDocument from "pdfkit";
import { japaneseFontName as fontName, japaneseFontPath as fontPath } from "../pdf/japanese-font";

export interface AccessLogPdfHeading {
  /** The area's name, or 全区域 for the whole building. */
  areaName: string;
  /** The month as forms write it, e.g. 令和8年11月. */
  monthLabel: string;
  /** The printing date as forms write it, e.g. 令和8年12月1日. */
  printedOn: string;
}

// A4 landscape, in points.
const pageWidth = 841.89;
const pageHeight = 595.28;
const margin = 28;
const titleSize = 16;
const textSize = 9;
const cellSize = 7.5;
const rowHeight = 14;
const cellPadding = 3;
const tableTop = margin + 44;
const footerTop = pageHeight - margin - 10;
const rowsPerPage = Math.floor((footerTop - 8 - tableTop) / rowHeight) - 1;

// Relative column widths, in the order of buildAccessLogTable's header.
const columnWeights = [11, 8, 9, 10, 8, 4, 9, 11, 4, 11, 6, 5];

function columnWidths(count: number): number[] {
  const weights = columnWeights.slice(0, count);
  while (weights.length < count) weights.push(8);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => ((pageWidth - 2 * margin) * weight) / total);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/**
 * 入退室記録簿 as a printable PDF: A4 landscape, the heading and the table header on every page,
 * page numbers "n / N". `table` is the header row followed by the data rows.
 * The output depends only on its arguments; `createdAt` becomes the document's creation date.
 */
export function writeAccessLogPdf(
  table: readonly (readonly string[])[],
  heading: AccessLogPdfHeading,
  createdAt: Date,
): Promise<Buffer> {
  const [header = [], ...rows] = table;
  const widths = columnWidths(header.length);
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: `入退室記録簿 ${heading.areaName} ${heading.monthLabel}`, CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (data: Buffer) => chunks.push(data));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont(fontName, fontPath);

  const drawRow = (cells: readonly string[], top: number, shaded: boolean) => {
    if (shaded) doc.rect(margin, top, pageWidth - 2 * margin, rowHeight).fill("#e6e6e6");
    doc.fillColor("black").font(fontName).fontSize(cellSize);
    let left = margin;
    widths.forEach((width, index) => {
      doc.text(cells[index] ?? "", left + cellPadding, top + (rowHeight - cellSize) / 2 - 0.5, {
        width: width - 2 * cellPadding,
        height: rowHeight - cellPadding,
        ellipsis: true,
      });
      left += width;
    });
    doc
      .moveTo(margin, top + rowHeight)
      .lineTo(pageWidth - margin, top + rowHeight)
      .lineWidth(0.4)
      .stroke("#999999");
  };

  const pages = rows.length === 0 ? [[]] : chunk(rows, rowsPerPage);
  for (const pageRows of pages) {
    doc.addPage();
    doc.font(fontName).fontSize(titleSize).fillColor("black");
    doc.text("入退室記録簿", margin, margin, { lineBreak: false });
    doc.fontSize(textSize);
    doc.text(`区域: ${heading.areaName}    対象月: ${heading.monthLabel}`, margin, margin + 24, {
      lineBreak: false,
    });
    doc.text(`印刷日: ${heading.printedOn}`, margin, margin + 24, {
      width: pageWidth - 2 * margin,
      height: textSize * 2,
      align: "right",
    });
    drawRow(header, tableTop, true);
    pageRows.forEach((row, index) => {
      drawRow(row, tableTop + rowHeight * (index + 1), false);
    });
    if (rows.length === 0) {
      doc.font(fontName).fontSize(textSize).fillColor("black");
      doc.text("この月の記録はありません。", margin, tableTop + rowHeight + 8, { lineBreak: false });
    }
  }

  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(start + index);
    doc.font(fontName).fontSize(textSize).fillColor("black");
    doc.text(`${index + 1} / ${count}`, margin, footerTop, {
      width: pageWidth - 2 * margin,
      height: textSize * 2,
      align: "center",
    });
  }
  doc.end();
  return done;
}
