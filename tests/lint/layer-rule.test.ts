import { describe, expect, it } from 'vitest';
import { lintWith } from '../helpers/lint.ts';
import { layerRule } from '../../scripts/lint/layer-rule.mjs';

const lint = lintWith('layers', layerRule);

describe('the layering rule of docs/architecture.md', () => {
  it('lets only the shell import electron', () => {
    expect(lint('electron/shell/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(lint('electron/core/x.ts', "import { app } from 'electron';")[0]).toMatch(/only electron\/shell/);
    expect(lint('db/x.ts', "const e = require('electron');")[0]).toMatch(/only electron\/shell/);
    expect(lint('native/idcard/x.ts', "const e = await import('electron');")[0]).toMatch(/only electron\/shell/);
  });

  it('keeps the renderer to the contract: no Node, no db, native or core', () => {
    expect(lint('renderer/src/a.tsx', "import { api } from '../../contract/api/api.ts';")).toEqual([]);
    expect(lint('renderer/src/a.tsx', "import { readFileSync } from 'node:fs';")[0]).toMatch(/without Node/);
    expect(lint('renderer/src/a.tsx', "import path from 'path';")[0]).toMatch(/without Node/);
    expect(lint('renderer/src/a.tsx', "import { openDatabase } from '../../db/open.ts';")[0]).toMatch(/renderer may not import db/);
    expect(lint('renderer/src/a.tsx', "import x from '../../native/idcard/reader.ts';")[0]).toMatch(/may not import native/);
    expect(lint('renderer/src/a.tsx', "export * from '../../electron/core/station.ts';")[0]).toMatch(/may not import core/);
  });

  it('keeps db and native below the core', () => {
    expect(lint('db/open.ts', "import { StationError } from '../contract/domain/errors.ts';")).toEqual([]);
    expect(lint('db/open.ts', "import { api } from '../contract/api/api.ts';")[0]).toMatch(/db may not import api/);
    expect(lint('db/open.ts', "import { openStation } from '../electron/core/station.ts';")[0]).toMatch(/db may not import core/);
    expect(lint('native/a.ts', "import { x } from '../db/open.ts';")[0]).toMatch(/native may not import db/);
  });

  it('keeps the contract free of Node so the renderer can load it, and the domain below the API', () => {
    expect(lint('contract/domain/x.ts', "import { z } from 'zod';")).toEqual([]);
    expect(lint('contract/api/x.ts', "import { createHash } from 'node:crypto';")[0]).toMatch(/without Node/);
    expect(lint('contract/domain/x.ts', "import { api } from '../api/api.ts';")[0]).toMatch(/domain may not import api/);
  });

  it('lets each third-party package into the layers that own it, and no unlisted one anywhere', () => {
    expect(lint('db/x.ts', "import Database from 'better-sqlite3';")).toEqual([]);
    expect(lint('renderer/src/a.tsx', "import Database from 'better-sqlite3';")[0]).toMatch(/renderer may not import the package 'better-sqlite3' \(it belongs to db/);
    expect(lint('native/a.ts', "import React from 'react';")[0]).toMatch(/may not import the package 'react'/);
    expect(lint('electron/core/a.ts', "import leftPad from 'left-pad';")[0]).toMatch(/not listed in scripts\/lint\/layers.mjs/);
    expect(lint('electron/core/a.ts', "import { Pool } from 'pg';")[0]).toMatch(/belongs to township/);
    // Outside the layers (tests, scripts) anything goes.
    expect(lint('tests/a.test.ts', "import leftPad from 'left-pad';")).toEqual([]);
  });

  it('keeps the nested folders of a layer its own', () => {
    expect(lint('electron/core/a.ts', "import { x } from '../../native/printer/types.ts';")).toEqual([]);
    expect(lint('electron/core/a.ts', "import { x } from '../../native/idcard/simulator/profiles.ts';")[0]).toMatch(/may not reach into native's nested folders/);
    expect(lint('native/devices/a.ts', "import { x } from '../idcard/simulator/profiles.ts';")).toEqual([]);
    expect(lint('renderer/src/a.tsx', "import { x } from '../../contract/domain/calendar/working-calendar.ts';")).toEqual([]);
  });

  it('lets the township use only the contract of ours', () => {
    expect(lint('township/server.ts', "import { api } from '../contract/api/api.ts';")).toEqual([]);
    expect(lint('township/server.ts', "import { openStation } from '../electron/core/station.ts';")[0]).toMatch(/township may not import core/);
  });
});
