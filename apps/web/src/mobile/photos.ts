// Photos taken on a phone are large (4000 × 3000, several MB) and village data is slow and dear: a
// photo is shrunk on the phone before it is sent — at most 1600 px on its long side, as a JPEG — which
// also turns formats the server does not take into one it does. A photo that cannot be decoded here
// is sent as it is (the server then says what it accepts).

const MAX_SIDE = 1600;
const KEEP_BELOW_BYTES = 1024 * 1024;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

export interface PickedPhoto {
  /** What is sent: the shrunk image, or the original. */
  blob: Blob;
  /** A name for the upload, ending in the type sent. */
  name: string;
  /** An object URL for the thumbnail (revoke it when the photo is dropped). */
  preview: string;
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.jpg`;
}

async function toJpeg(bitmap: ImageBitmap): Promise<Blob | null> {
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
}

/** The photo as it will be sent, with its thumbnail. */
export async function pickPhoto(file: File): Promise<PickedPhoto> {
  let blob: Blob = file;
  let name = file.name || 'photo';
  try {
    const bitmap = await createImageBitmap(file);
    const small =
      file.size <= KEEP_BELOW_BYTES &&
      ACCEPTED.includes(file.type) &&
      Math.max(bitmap.width, bitmap.height) <= MAX_SIDE;
    if (!small) {
      const jpeg = await toJpeg(bitmap);
      if (jpeg) {
        blob = jpeg;
        name = jpegName(name);
      }
    }
    bitmap.close();
  } catch {
    // not decodable here: sent as it is
  }
  return { blob, name, preview: URL.createObjectURL(blob) };
}
