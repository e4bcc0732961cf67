import PDFDocument from "pdfkit";
import { japaneseFontName as fontName, japaneseFontPath as fontPath } from "../pdf/japanese-font";

/** A table: the header row first, repeated at the top of every page the table runs onto. */
export interface PdfTableBlock {
  kind: "table";
  table: readonly (readonly string[])[];
  /** Relative column widths, one per header cell. */
  weights: readonly number[];
  /** Indexes of the columns printed right-aligned (figures). */
  rightAligned?: readonly number[];
  /** Printed under the header when the table has no rows. */
  emptyText?: string;
}

export interface PdfTextBlock {
  kind: "text";
  lines: readonly string[];
}

export type PdfBlock = PdfTableBlock | PdfTextBlock;

/** A part of the document that starts on a new page under its own heading line (所属, 氏名, 対象月 …). */
export interface PdfSection {
  heading: string;
  blocks: readonly PdfBlock[];
}

export interface TablePdf {
  /** Printed at the top of every page (出勤簿 …). */
  title: string;
  /** The document's Title property. */
  documentTitle: string;
  layout: "portrait" | "landscape";
  /** 印刷日, as forms write it. */
  printedOn: string;
  /** The document's creation date, so the same input always gives the same bytes. */
  createdAt: Date;
  sections: readonly PdfSection[];
}

// A4 in points.
const a4Short = 595.28;
const a4Long = 841.89;
const margin = 28;
const titleSize = 16;
const textSize = 9;
const cellSize = 8;
const rowHeight = 14;
const cellPadding = 3;
const tableTop = margin + 44;
const blockGap = 8;

/**
 * The books' common print: A4 with the Japanese font embedded, the title, heading and 印刷日 on every page,
 * tables whose header row repeats on each page they run onto, and page numbers "n / N".
 */
export function writeTablePdf(spec: TablePdf): Promise<Buffer> {
  const pageWidth = spec.layout === "landscape" ? a4Long : a4Short;
  const pageHeight = spec.layout === "landscape" ? a4Short : a4Long;
  const contentWidth = pageWidth - 2 * margin;
  const footerTop = pageHeight - margin - 10;
  const bottom = footerTop - 8;

  const doc = new PDFDocument({
    size: "A4",
    layout: spec.layout,
    margin,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: spec.documentTitle, CreationDate: spec.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (data: Buffer) => chunks.push(data));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont(fontName, fontPath);

  let top = tableTop;

  const startPage = (heading: string) => {
    doc.addPage();
    doc.font(fontName).fontSize(titleSize).fillColor("black");
    doc.text(spec.title, margin, margin, { lineBreak: false });
    doc.fontSize(textSize);
    doc.text(heading, margin, margin + 24, { lineBreak: false });
    doc.text(`印刷日: ${spec.printedOn}`, margin, margin + 24, {
      width: contentWidth,
      height: textSize * 2,
      align: "right",
    });
    top = tableTop;
  };

  const drawRow = (
    block: PdfTableBlock,
    widths: readonly number[],
    cells: readonly string[],
    shaded: boolean,
  ) => {
    if (shaded) doc.rect(margin, top, contentWidth, rowHeight).fill("#e6e6e6");
    doc.fillColor("black").font(fontName).fontSize(cellSize);
    let left = margin;
    widths.forEach((width, index) => {
      const right = block.rightAligned?.includes(index) ?? false;
      doc.text(cells[index] ?? "", left + cellPadding, top + (rowHeight - cellSize) / 2 - 0.5, {
        width: width - 2 * cellPadding,
        height: rowHeight - cellPadding,
        ellipsis: true,
        align: right ? "right" : "left",
      });
      left += width;
    });
    doc
      .moveTo(margin, top + rowHeight)
      .lineTo(margin + contentWidth, top + rowHeight)
      .lineWidth(0.4)
      .stroke("#999999");
    top += rowHeight;
  };

  const drawTable = (block: PdfTableBlock, heading: string) => {
    const [header = [], ...rows] = block.table;
    const widths = scaleWidths(block.weights, header.length, contentWidth);
    if (top + 2 * rowHeight > bottom) startPage(heading);
    drawRow(block, widths, header, true);
    if (rows.length === 0 && block.emptyText !== undefined) drawText([block.emptyText], heading);
    for (const row of rows) {
      if (top + rowHeight > bottom) {
        startPage(heading);
        drawRow(block, widths, header, true);
      }
      drawRow(block, widths, row, false);
    }
  };

  const drawText = (lines: readonly string[], heading: string) => {
    for (const line of lines) {
      if (top + rowHeight > bottom) startPage(heading);
      doc.font(fontName).fontSize(textSize).fillColor("black");
      doc.text(line, margin, top + (rowHeight - textSize) / 2, { width: contentWidth, lineBreak: false });
      top += rowHeight;
    }
  };

  // A document needs a page even when there is nothing to print.
  const sections = spec.sections.length > 0 ? spec.sections : [{ heading: "", blocks: [] }];
  for (const section of sections) {
    startPage(section.heading);
    section.blocks.forEach((block, index) => {
      if (index > 0) top += blockGap;
      if (block.kind === "table") drawTable(block, section.heading);
      else drawText(block.lines, section.heading);
    });
  }

  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(start + index);
    doc.font(fontName).fontSize(textSize).fillColor("black");
    doc.text(`${index + 1} / ${count}`, margin, footerTop, {
      width: contentWidth,
      height: textSize * 2,
      align: "center",
    });
  }
  doc.end();
  return done;
}

function scaleWidths(weights: readonly number[], count: number, contentWidth: number): number[] {
  const chosen = weights.slice(0, count);
  while (chosen.length < count) chosen.push(8);
  const total = chosen.reduce((sum, weight) => sum + weight, 0);
  return chosen.map((weight) => (contentWidth * weight) / total);
}
