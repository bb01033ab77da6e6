#!/usr/bin/env bash
# Records the kiosk's spoken prompts (played by 朗读 when the browser has no Chinese voice) with espeak-ng's
# Mandarin voice: one small mono WAV per message key listed in assets/audio/prompts.json, from the zh-CN texts.
# Needs espeak-ng (Debian: apt-get install -y espeak-ng); uses sox, when installed, to make the files smaller.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
audio="$root/assets/audio"
if ! command -v espeak-ng >/dev/null; then
  echo "record-prompts: espeak-ng is missing; apt-get install -y espeak-ng" >&2
  exit 1
fi

# key<TAB>text lines, for every key in prompts.json, from all zh-CN catalogue files (a missing key is an error).
lines="$(node --input-type=module -e '
  import { readFileSync, readdirSync } from "node:fs";
  const [audio, messages] = process.argv.slice(1);
  const table = {};
  for (const f of readdirSync(messages).filter((f) => f.endsWith(".json")).sort())
    Object.assign(table, JSON.parse(readFileSync(`${messages}/${f}`, "utf8")));
  for (const key of JSON.parse(readFileSync(`${audio}/prompts.json`, "utf8"))) {
    if (typeof table[key] !== "string") throw new Error(`no zh-CN message for prompt ${key}`);
    console.log(`${key}\t${table[key].replace(/\s+/g, " ")}`);
  }
' "$audio" "$root/assets/messages/zh-CN")"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r key text; do
  out="$audio/$key.wav"
  espeak-ng -v cmn -s 150 -w "$tmp/raw.wav" -- "$text"
  if command -v sox >/dev/null; then
    # 11 kHz 8-bit: espeak's formant voice has little above 5 kHz, and the files shrink to a quarter.
    sox "$tmp/raw.wav" -r 11025 -c 1 -b 8 "$out"
  else
    mv "$tmp/raw.wav" "$out"
  fi
  echo "recorded $key.wav ($(wc -c <"$out") bytes)"
done <<<"$lines"
