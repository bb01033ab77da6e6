import { describe, expect, it } from 'vitest';
import { IdCardDevice } from '../../../native/devices/idcard-device.ts';
import { photoDecoderFor } from '../../../native/idcard/photo-decoder-choice.ts';
import { SimulatedWltDecoder } from '../../../native/idcard/simulator/simulated-wlt.ts';
import { testClock } from '../../helpers/clock.ts';

describe('the configured WLT decoder', () => {
  it('is none, the simulator’s own, or the vendor library at a path', () => {
    expect(photoDecoderFor('none')).toBeUndefined();
    expect(photoDecoderFor('simulator')).toBeInstanceOf(SimulatedWltDecoder);
    expect(() => photoDecoderFor({ library: { path: '/nonexistent/libwlt.so' } })).toThrow(expect.objectContaining({ code: 'idcard.wlt-library-unusable' }));
  });

  it('leaves the reader working and says why when the vendor library will not load', () => {
    const device = new IdCardDevice({ simulate: false, port: '/dev/null', photoDecoder: { library: { path: '/nonexistent/libwlt.so' } }, clock: testClock });
    expect(device.status().lastError).toMatchObject({ code: 'idcard.wlt-library-unusable' });
  });
});
