/**
 * MQVersion.Version ordinals (what clients and servers put in `version`) as names like "V5_5_0". From V4_0_0
 * (213) on, the enum has a _SNAPSHOT and a release constant per x.y.z, so the ordinal is arithmetic; older 3.x
 * ordinals are irregular and shown raw.
 */
export function versionDesc(ordinal: number): string {
  for (const major of [5, 4]) {
    const base = major === 5 ? 413 : 213;
    const step = ordinal - base;
    if (step >= -1 && step <= 198) {
      // even steps are releases; the odd one before a release is its _SNAPSHOT
      const n = Math.ceil(step / 2);
      return `V${major}_${Math.floor(n / 10)}_${n % 10}${step % 2 === 0 ? '' : '_SNAPSHOT'}`;
    }
  }
  return `V#${ordinal}`;
}
