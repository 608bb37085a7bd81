/** Self-contained HTML reports with inline PNG charts (XChart, headless), for {@code report.html}. */
package dev.mimik.eval.report;
