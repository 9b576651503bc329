/**
 * Audible scan feedback without sound files: a short high tone for success, a lower double tone
 * for a refusal. Browsers may block audio until the first user gesture; failing silently is fine
 * because the colour says the same.
 */
let ctx: AudioContext | null = null;

function tone(freq: number, start: number, ms: number) {
  if (!ctx) return;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = freq;
  gain.gain.value = 0.15;
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + ms / 1000);
}

export function beep(ok: boolean) {
  try {
    ctx ??= new AudioContext();
    if (ok) tone(1320, 0, 120);
    else {
      tone(330, 0, 160);
      tone(260, 0.2, 220);
    }
  } catch {
    // no audio device or blocked: the colour feedback remains
  }
}
