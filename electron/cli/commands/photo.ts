import { readFileSync, writeFileSync } from 'node:fs';
import type { PhotoBackground } from '../../../contract/domain/photo-spec.ts';
import type { Command } from '../command.ts';
import { InputUnreadableError, UsageError } from '../command.ts';
import { cliText } from '../cli-text.ts';
import { needPositionals, parse } from '../options.ts';

// A pure model command like `face compare`: the photo pipeline on a file, no station or device behind it.
export const photoMake: Command = {
  path: ['photo', 'make'],
  usage: 'station photo make <image> --spec 1inch|2inch|… --background red|blue|white [--sheet] -o FILE [--json]',
  async run(args, io) {
    const { values, positionals } = parse(
      args,
      {
        spec: { type: 'string' },
        background: { type: 'string' },
        sheet: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        json: { type: 'boolean' },
      },
      this.usage,
    );
    needPositionals(positionals, 1, this.usage);
    if (!values.spec || !values.background || !values.output) throw new UsageError(`--spec, --background and -o are needed\nusage: ${this.usage}`);
    const file = positionals[0]!;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new InputUnreadableError(file, error);
    }
    // The spec and background are checked before the models load, so a typo fails at once.
    const { choosePhoto, loadPhotoSpecs } = await import('../../../native/photo/specs.ts');
    choosePhoto(values.spec, values.background as PhotoBackground);
    const { FaceEngine } = await import('../../../native/face/face-engine.ts');
    const { madeSheet, PhotoMaker } = await import('../../../native/photo/photo-maker.ts');
    const engine = await FaceEngine.load();
    const maker = await PhotoMaker.load(engine);
    try {
      const made = await maker.make([bytes], values.spec, values.background as PhotoBackground);
      const sheet = values.sheet ? await madeSheet(made, cliText('photo.sheet-title', { spec: made.report.spec.name })) : undefined;
      writeFileSync(values.output, sheet ? sheet.pdf : made.jpeg);
      if (values.json) {
        io.out(JSON.stringify({ output: values.output, ...made.report, sheet: sheet?.layout }));
        return 0;
      }
      const { report } = made;
      io.out(cliText('cli.photo.made', { spec: report.spec.name, width: report.spec.widthMm, height: report.spec.heightMm, background: loadPhotoSpecs().backgrounds[report.background].name, output: values.output }));
      io.out(cliText('cli.photo.pixels', { widthPx: report.widthPx, heightPx: report.heightPx, dpi: report.spec.dpi }));
      for (const [name, check] of Object.entries(report.checks)) {
        if (typeof check !== 'object') continue;
        io.out(cliText('cli.photo.check', { name: cliText(`cli.photo.check.${name}`), value: check.value.toFixed(3), low: check.range[0], high: check.range[1], ok: cliText(check.ok ? 'cli.photo.ok' : 'cli.photo.off') }));
      }
      if (sheet) io.out(cliText('cli.photo.sheet', { count: sheet.layout.count, columns: sheet.layout.columns, rows: sheet.layout.rows, gap: sheet.layout.gapMm.map((g) => g.toFixed(1)).join('×') }));
      return 0;
    } finally {
      await maker.close();
      await engine.close();
    }
  },
};
