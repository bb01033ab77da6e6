import { readFileSync } from 'node:fs';
import type { FaceDescription } from '../../../native/face/face-api.ts';
import type { Command } from '../command.ts';
import { InputUnreadableError } from '../command.ts';
import { cliText } from '../cli-text.ts';
import { needPositionals, parse } from '../options.ts';

// A pure model command: it calls the face pipeline directly, with no station, database or device behind it.
export const faceCompare: Command = {
  path: ['face', 'compare'],
  usage: 'station face compare <imageA> <imageB> [--json]',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, this.usage);
    needPositionals(positionals, 2, this.usage);
    const images = positionals.map((file) => {
      try {
        return { file, bytes: readFileSync(file) };
      } catch (error) {
        throw new InputUnreadableError(file, error);
      }
    });
    // Loaded here, not at the top: every other station command would otherwise start onnxruntime too.
    const { FaceEngine } = await import('../../../native/face/face-engine.ts');
    const engine = await FaceEngine.load();
    try {
      const described: FaceDescription[] = [];
      for (const { file, bytes } of images) {
        try {
          described.push(await engine.describe(bytes));
        } catch (error) {
          // Which picture it was; the reason follows on the next line.
          io.err(cliText('cli.face.image', { file }));
          throw error;
        }
      }
      const result = engine.decide(described[0]!, described[1]!);
      if (values.json) {
        io.out(JSON.stringify(result));
        return 0;
      }
      io.out(cliText(result.match ? 'cli.face.match' : 'cli.face.no-match'));
      io.out(cliText('cli.face.distance', { distance: result.distance.toFixed(3), threshold: result.threshold }));
      io.out(cliText('cli.face.faces', { a: result.faces[0], b: result.faces[1] }));
      for (const [i, gates] of result.quality.entries()) {
        if (gates.length > 0) io.out(cliText('cli.face.quality', { file: images[i]!.file, prompts: gates.map((g) => cliText(g)).join(' ') }));
      }
      io.out(cliText('cli.face.model', { model: result.model }));
      return 0;
    } finally {
      await engine.close();
    }
  },
};
