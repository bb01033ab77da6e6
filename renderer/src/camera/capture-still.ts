/** JPEG quality of a captured still; the core re-encodes the cropped page. */
const QUALITY = 0.92;

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the captured still'));
    reader.readAsDataURL(blob);
  });
}

/** The video's current frame at its full size, as base64 JPEG bytes (no data: prefix). */
export async function captureStill(video: HTMLVideoElement): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width === 0 || canvas.height === 0) throw new Error('the camera has no frame yet');
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the frame could not be encoded'))), 'image/jpeg', QUALITY),
  );
  return blobToBase64(blob);
}

/** JPEG quality of a face frame: judged once in memory and dropped, so small beats sharp. */
const FRAME_QUALITY = 0.85;

/**
 * The video's current frame as base64 JPEG, scaled to `size` (the face check's frames are smaller than a page
 * still). Unmirrored: a mirrored preview is only the video element's CSS.
 */
export async function captureFrame(video: HTMLVideoElement, size: (width: number, height: number) => { width: number; height: number }): Promise<string> {
  if (video.videoWidth === 0 || video.videoHeight === 0) throw new Error('the camera has no frame yet');
  const { width, height } = size(video.videoWidth, video.videoHeight);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the frame could not be encoded'))), 'image/jpeg', FRAME_QUALITY),
  );
  return blobToBase64(blob);
}
