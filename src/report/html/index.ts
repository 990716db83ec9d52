/** The HTML report: data gathered during fit, rendered to one self-contained page. */
export { renderReport } from './render.ts';
export { writeReport, loadReportData } from './write.ts';
export { REPORT_DATA_FILE, readReportData } from './report-data.ts';
export type { ReportData } from './report-data.ts';
