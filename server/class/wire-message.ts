/**
 * Just enough of the y-protocols wire format to tell a document write from the rest of what a
 * client sends: a message is the document's name (a var-string), the message type (0 = sync),
 * and for sync the step (0 = "what do you have", 1 = "here is what you lack", 2 = an update).
 * A client with nothing of its own answers step 0 with an empty step 1; anything else of
 * step 1 or 2 from a student is a write.
 */

function readVarUint(bytes: Uint8Array, at: number): [number, number] {
  let n = 0;
  let shift = 0;
  for (let i = at; i < bytes.length && shift < 35; i++) {
    const byte = bytes[i] ?? 0;
    n += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [n, i + 1];
  }
  return [-1, bytes.length];
}

const SYNC = 0;
const STEP_2 = 1;
const UPDATE = 2;
/** An empty Yjs update (no structs, no deletions) as its var-uint8-array: length 2, 0, 0. */
const EMPTY_UPDATE_BYTES = 3;

export function isDocumentWrite(message: Uint8Array): boolean {
  const [nameLength, afterLength] = readVarUint(message, 0);
  if (nameLength < 0) return false;
  const [type, afterType] = readVarUint(message, afterLength + nameLength);
  if (type !== SYNC) return false;
  const [step, afterStep] = readVarUint(message, afterType);
  if (step === UPDATE) return true;
  return step === STEP_2 && message.length - afterStep > EMPTY_UPDATE_BYTES;
}
