// Calibrates the match threshold on labelled pairs made from face-api's demo photos (scripts/face/demo-faces.ts):
// same person = a portrait and each of its variants; different people = every two portraits, and each portrait
// against every variant of another. Writes the threshold, the pairs' counts and the measured error rates into
// assets/models/face/manifest.json with the model version it holds for.
//   npx tsx scripts/face/calibrate-threshold.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../../native/face/decode.ts';
import { euclidean, FaceEngine } from '../../native/face/face-engine.ts';
import { faceModelDir, type FaceManifest } from '../../native/face/manifest.ts';
import { demoFaces, variants } from './demo-faces.ts';

export interface Calibration {
  same: number[];
  different: number[];
}

/** Distances of every labelled pair; a variant in which no single face is found is left out of the pairs. */
export async function labelledDistances(engine: FaceEngine): Promise<Calibration> {
  const people: { portrait: number[]; variants: number[][] }[] = [];
  for (const face of await demoFaces(engine)) {
    const portrait = (await engine.describeImage(await decodeImage(face.portrait))).descriptor;
    const found: number[][] = [];
    for (const v of await variants(face.portrait)) {
      try {
        found.push((await engine.describeImage(await decodeImage(v.image))).descriptor);
      } catch {
        // No single face in this variant: nothing to pair.
      }
    }
    people.push({ portrait, variants: found });
  }
  const same = people.flatMap((p) => p.variants.map((v) => euclidean(p.portrait, v)));
  const different: number[] = [];
  for (const [i, p] of people.entries()) {
    for (const q of people.slice(i + 1)) {
      different.push(euclidean(p.portrait, q.portrait));
      for (const v of q.variants) different.push(euclidean(p.portrait, v));
    }
  }
  return { same, different };
}

/** The threshold with the fewest errors, placed midway in the gap around it. */
export function chooseThreshold({ same, different }: Calibration): { distance: number; falseAcceptRate: number; falseRejectRate: number } {
  const candidates = [...same, ...different].sort((a, b) => a - b);
  let best = { distance: 0, errors: Infinity };
  for (let i = 0; i < candidates.length - 1; i++) {
    const t = (candidates[i]! + candidates[i + 1]!) / 2;
    const errors = same.filter((d) => d >= t).length / same.length + different.filter((d) => d < t).length / different.length;
    if (errors < best.errors) best = { distance: t, errors };
  }
  const distance = Math.round(best.distance * 1000) / 1000;
  return {
    distance,
    falseAcceptRate: different.filter((d) => d < distance).length / different.length,
    falseRejectRate: same.filter((d) => d >= distance).length / same.length,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const engine = await FaceEngine.load({ withoutThreshold: true });
  const pairs = await labelledDistances(engine);
  const chosen = chooseThreshold(pairs);
  const file = join(faceModelDir(), 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as FaceManifest;
  manifest.threshold = {
    distance: chosen.distance,
    model: manifest.version,
    calibration: {
      on: "portraits cut from @vladmandic/face-api's demo/sample1-6.jpg (each face a person) and their crop, scale, ±15° rotation, brightness, JPEG q30 and 102×126 variants",
      samePairs: pairs.same.length,
      differentPairs: pairs.different.length,
      falseAcceptRate: chosen.falseAcceptRate,
      falseRejectRate: chosen.falseRejectRate,
      sameMax: Math.round(Math.max(...pairs.same) * 1000) / 1000,
      differentMin: Math.round(Math.min(...pairs.different) * 1000) / 1000,
    },
  };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(JSON.stringify(manifest.threshold, null, 2));
  await engine.close();
}
