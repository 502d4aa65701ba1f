// What a visitor does on a partner page, as Playwright steps (role and label locators pierce shadow roots).
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { E2E } from './harness.js';

const TIMEOUT = 15_000;

/** The widget has upgraded (its shadow root rendered the tabs) and the light-DOM fallback is no longer shown. */
export async function widgetReady(
  page: Page,
  widget: Locator = page.locator('referral-widget').first(),
): Promise<Locator> {
  await widget.getByRole('tab', { name: 'Find services' }).waitFor({ timeout: TIMEOUT });
  return widget;
}

/** Types a directory search and waits for the result count. Returns how many services were found. */
export async function search(widget: Locator, query = 'shelter'): Promise<number> {
  await widget.getByRole('tab', { name: 'Find services' }).click();
  await widget.getByRole('combobox', { name: 'Search for help' }).fill(query);
  const status = widget.getByText(/^(\d+|1) services? found\.$/).first();
  await status.waitFor({ timeout: TIMEOUT });
  return Number((await status.textContent())!.match(/\d+/)![0]);
}

/** Looks a person up by name in the lookup tab; returns the number of people found. */
export async function lookup(widget: Locator, name: string): Promise<number> {
  await widget.getByRole('tab', { name: 'Look up a person in custody' }).click();
  await widget.getByLabel('Name of the person').fill(name);
  await widget.getByRole('button', { name: 'Search', exact: true }).click();
  const status = widget.getByText(/^(\d+ people|1 person) found\.$/).first();
  await status.waitFor({ timeout: TIMEOUT });
  return Number((await status.textContent())!.match(/\d+/)![0]);
}

/** From a lookup result: "Get alerts", email, code from the demo outbox, confirm. Ends on the "signed up" screen. */
export async function signUp(e2e: E2E, widget: Locator, email: string): Promise<void> {
  await widget.getByRole('button', { name: 'Get alerts about this person' }).first().click();
  await widget.getByLabel('Email address').fill(email);
  await widget.getByRole('button', { name: 'Send me a code' }).click();
  await widget.getByLabel('6-digit code').waitFor({ timeout: TIMEOUT });
  await widget.getByLabel('6-digit code').fill(await e2e.confirmationCode(email));
  await widget.getByRole('button', { name: 'Confirm' }).click();
  await widget.getByText('You are signed up').waitFor({ timeout: TIMEOUT });
}

/** Search, lookup and signup on one page: the three things every example must let a visitor finish. */
export async function completeAllFlows(e2e: E2E, page: Page, email: string): Promise<void> {
  const widget = await widgetReady(page);
  assert.ok((await search(widget, 'shelter')) > 0, 'services found for "shelter"');
  assert.ok((await lookup(widget, 'Aaliyah Johnson')) > 0, 'people found for "Aaliyah Johnson"');
  await signUp(e2e, widget, email);
}
