import type { WltDecoder } from './photo.ts';
import { loadProfiles } from './simulator/profiles.ts';
import { SimulatedWltDecoder } from './simulator/simulated-wlt.ts';
import { WltLibrary, type WltLibraryOptions } from './wlt-library.ts';

/**
 * Which WLT decoder turns the card photo into a picture (station.json `idcardPhotoDecoder`): none, the
 * simulator's own (the default with --simulate), or the reader vendor's shared library at a path.
 */
export type PhotoDecoderChoice = 'none' | 'simulator' | { library: WltLibraryOptions };

export function photoDecoderFor(choice: PhotoDecoderChoice): WltDecoder | undefined {
  if (typeof choice === 'object') return WltLibrary.open(choice.library);
  switch (choice) {
    case 'none':
      return undefined;
    case 'simulator':
      return new SimulatedWltDecoder(loadProfiles().values());
  }
}
