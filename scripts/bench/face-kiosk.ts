/**
 * The whole kiosk face check, prompt to decision, as a villager who does what the screen says lives it: the station
 * core with its device process (`--simulate`: the simulated card's photo is the reference), and a camera showing the
 * rendered head (scripts/face/face-video.ts) in real time — looking straight, and turning the way the prompt asks
 * the moment it asks (no reaction time counted). Each frame sent is the one the camera shows at that moment, the
 * next sent when the answer is back, as the kiosk page does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FaceCheckStarted, FaceFrameAnswer } from '../../contract/api/face.ts';
import type { FaceChallenge } from '../../contract/domain/face-check.ts';
import { openStationCore } from '../../electron/core/station.ts';
import { decodeImage } from '../../native/face/decode.ts';
import { FaceEngine } from '../../native/face/face-engine.ts';
import { demoPhoto, portrait } from '../face/demo-faces.ts';
import { faceSource, renderHeadTurn } from '../face/face-video.ts';
import { percentile, type Figure } from './report.ts';

const RUNS_PER_CHALLENGE = 3;

export async function benchFaceKiosk(): Promise<Figure[]> {
  const engine = await FaceEngine.load();
  const group = demoPhoto('sample5.jpg');
  const video = renderHeadTurn(await faceSource(engine, await portrait(group, (await engine.detect(await decodeImage(group)))[0]!, 0.6)));
  await engine.close();
  const frames = await Promise.all(video.frames.map((f) => sharp(f.rgb, { raw: { width: f.width, height: f.height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer()));

  // The clip's legs: its frames turned to the person's own left (yaw > 0), then to their right.
  const leg = (sign: number) => video.yawDeg.map((y, k) => (Math.sign(y) === sign ? k : -1)).filter((k) => k >= 0);
  const legs: Record<string, number[]> = { 'face.do.turn-left': leg(1), 'face.do.turn-right': leg(-1) };
  const figures: Figure[] = [];
  for (const challenge of ['turn-left', 'turn-right'] as FaceChallenge[]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-bench-face-'));
    writeFileSync(join(dataDir, 'station.json'), JSON.stringify({ faceChallenges: [challenge] }));
    const core = openStationCore({ dataDir, mode: 'web' });
    const call = async (method: string, input: unknown, visit: string | null) => {
      const reply = await core.station.call(method, input, { transport: 'http', visit });
      if (!reply.ok) throw new Error(`${method}: ${reply.error.code}`);
      return reply.value;
    };
    try {
      const devices = core.station.startDevices({ simulate: true });
      await devices.whenReady();
      // The model loads in the background when the device process starts: the check is timed once it is there.
      await devices.api.faceSettled();
      const times: number[] = [];
      let sent = 0;
      for (let run = 0; run < RUNS_PER_CHALLENGE; run++) {
        const { visit } = (await call('idcardRead', {}, null)) as { visit: string };
        const { check } = (await call('faceCheckStart', {}, visit)) as FaceCheckStarted;
        const start = performance.now();
        let turning: { frames: number[]; since: number } | null = null;
        for (;;) {
          const t = performance.now();
          const k = turning ? Math.floor(((t - turning.since) / 1000) * video.fps) : 0;
          if (turning && k >= turning.frames.length) turning = null;
          // Frame 0 is the head looking straight at the camera.
          const shown = turning ? turning.frames[k]! : 0;
          const answer = (await call('faceCheckFrame', { check, image: frames[shown]!.toString('base64') }, visit)) as FaceFrameAnswer;
          sent++;
          if (answer.state === 'looking') {
            if (!turning && legs[answer.prompt]) turning = { frames: legs[answer.prompt]!, since: performance.now() };
            continue;
          }
          if (answer.result.outcome !== 'passed') throw new Error(`the head did not pass: ${answer.result.failure}`);
          break;
        }
        times.push(performance.now() - start);
      }
      const p50 = percentile(times, 50) / 1000;
      figures.push({ name: `face: whole kiosk check, ${challenge}, prompt to 核验通过, the head turning when asked: p50`, value: p50, unit: 's', goal: { text: '< 2 s', met: p50 < 2 } });
      figures.push({ name: `face: frames judged a second during the ${challenge} check`, value: sent / (times.reduce((a, b) => a + b, 0) / 1000), unit: '/s' });
    } finally {
      await core.station.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}
