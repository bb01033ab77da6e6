import { readFileSync } from 'node:fs';
import type { IdentityCard } from '../../../contract/domain/identity.ts';
import { decodeReadResponse } from '../../../native/idcard/decode.ts';
import { parseHexOrBinary } from '../../../native/idcard/hex-input.ts';
import { IdCardReader } from '../../../native/idcard/reader.ts';
import { serialTransportOpener } from '../../../native/idcard/serial-transport.ts';
import type { Command, Io } from '../command.ts';
import { cliText } from '../cli-text.ts';
import { InputUnreadableError, UsageError } from '../command.ts';
import { processClock } from '../../core/station.ts';
import { needPositionals, parse } from '../options.ts';

/** The card as the CLI prints it: every field, the photo only as its format and size (never decoded bytes). */
function printable(card: IdentityCard) {
  const { photo, ...rest } = card;
  return { ...rest, photo: { format: photo.format, bytes: photo.bytes } };
}

function print(card: IdentityCard, json: boolean, io: Io): void {
  if (json) {
    io.out(JSON.stringify(printable(card)));
    return;
  }
  const rows: [string, string | undefined][] = [
    ['cli.card.name', card.name],
    ['cli.card.gender', card.gender],
    ['cli.card.nation', card.cardType === 'resident' ? card.nation : undefined],
    ['cli.card.birthDate', card.birthDate],
    ['cli.card.address', 'address' in card ? card.address : undefined],
    ['cli.card.idNumber', `${card.idNumber}${card.idNumberValid ? '' : cliText('cli.card.idNumberInvalid')}`],
    ['cli.card.authority', 'authority' in card ? card.authority : undefined],
    ['cli.card.validity', `${card.validFrom} – ${card.validTo}`],
    ['cli.card.type', card.cardType],
  ];
  for (const [key, value] of rows) if (value !== undefined) io.out(`${cliText(key)}\t${value}`);
}

export const idcardDecode: Command = {
  path: ['idcard', 'decode'],
  usage: 'station idcard decode <file|-> [--json]   (a read-card response: binary, or hex text)',
  async run(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, this.usage);
    needPositionals(positionals, 1, this.usage);
    const file = positionals[0]!;
    let input: Buffer;
    try {
      input = readFileSync(file === '-' ? 0 : file);
    } catch (error) {
      throw new InputUnreadableError(file, error);
    }
    print(decodeReadResponse(parseHexOrBinary(input), { origin: 'input' }), values.json ?? false, io);
    return 0;
  },
};

export const idcardRead: Command = {
  path: ['idcard', 'read'],
  usage: 'station idcard read --port <path> [--json]',
  async run(args, io) {
    const { values, positionals } = parse(args, { port: { type: 'string' }, json: { type: 'boolean' } }, this.usage);
    needPositionals(positionals, 0, this.usage);
    if (!values.port) throw new UsageError(`missing --port <path>\nusage: ${this.usage}`);
    const reader = new IdCardReader({ open: serialTransportOpener(values.port), now: processClock() });
    try {
      print((await reader.read()).card, values.json ?? false, io);
      return 0;
    } finally {
      await reader.close();
    }
  },
};
