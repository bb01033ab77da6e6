import type { Page } from 'playwright-core';
import { searchByInitials } from './kiosk-actions.ts';
import { atStep } from './window-actions.ts';

/** 城乡居民基本养老保险待遇领取资格认证 (养老金认证): self-service, 即办, the card proves the one material. */
export const PENSION_CHECK = { initials: 'yljrz', name: '城乡居民基本养老保险待遇领取资格认证' };

/** Home → 我要办事 → search → the guide → 我要申请: the card step of the kiosk's own intake. */
export async function startApply(page: Page, matter = PENSION_CHECK): Promise<void> {
  await searchByInitials(page, matter.initials);
  await page.getByTestId('search-result').filter({ hasText: matter.name }).first().tap();
  await page.getByTestId('apply-start').tap();
  await page.getByTestId('screen-apply').waitFor();
  await atStep(page, 'card');
}
