/**
 * Lighthouse with its default mobile settings, which each result describes, in the same
 * Chromium and with the same flags as the browser tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { WORK_DIR } from './paths.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Lighthouse audits whose numeric values the results keep, with their unit. */
export const METRIC_AUDITS = {
  'first-contentful-paint': 'ms',
  'largest-contentful-paint': 'ms',
  'total-blocking-time': 'ms',
  'cumulative-layout-shift': 'unitless',
  'speed-index': 'ms',
};

const REPORT_DIR = join(WORK_DIR, 'lighthouse');

/**
 * Audits `url` once in a new Chromium with a new profile and writes the whole report to
 * bench/.work/lighthouse/. Returns the category scores (0 to 100) and the metric audits' values.
 */
export async function runLighthouse(url, { chromePath, chromeFlags, reportName }) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [...chromeFlags, '--headless'],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}.`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw new Error(
        `Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
      );
    }
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(join(REPORT_DIR, `${reportName}.json`), result.report);

    const scores = {};
    for (const category of CATEGORIES) {
      const score = lhr.categories[category]?.score;
      scores[category] = typeof score === 'number' ? Math.round(score * 100) : null;
    }
    const metrics = {};
    for (const audit of Object.keys(METRIC_AUDITS)) {
      metrics[audit] = lhr.audits[audit]?.numericValue ?? null;
    }
    return {
      scores,
      metrics,
      warnings: lhr.runWarnings,
      version: lhr.lighthouseVersion,
      settings: describeSettings(lhr.configSettings),
    };
  } finally {
    chrome.kill();
  }
}

/** Describes the emulated device and throttling of a run from the report's own settings. */
function describeSettings(settings) {
  const screen = settings.screenEmulation;
  const throttling = settings.throttling;
  return (
    `${settings.formFactor}, ${screen.width}x${screen.height} at ${screen.deviceScaleFactor}x, ` +
    `${settings.throttlingMethod} throttling: ${throttling.rttMs} ms RTT, ` +
    `${(throttling.throughputKbps / 1000).toFixed(1)} Mbit/s, ${throttling.cpuSlowdownMultiplier}x CPU slowdown`
  );
}
