/**
 * The instant of a new moon, by Jean Meeus, "Astronomical Algorithms" (2nd ed.), chapter 49
 * (mean phase plus its periodic and planetary-argument terms; within about 20 s of the modern
 * lunar theory), converted from dynamical time to UTC with the Espenak–Meeus ΔT polynomial.
 *
 * Why not only Intl's Chinese calendar: ICU computes it with a coarser lunar theory, and when a
 * new moon falls within minutes of midnight in China the month starts a day off. Seen in Node 20
 * (ICU 78) and Chromium 156 alike: Spring Festival 2027 on 02-07 instead of 02-06 (new moon
 * 2027-02-06 15:56 UTC = 23:56 in Beijing), 2030 on 02-02 instead of 02-03 (new moon 2030-02-02
 * 16:07 UTC = 00:07 in Beijing). lunar-calendar.ts therefore takes the day each month starts from
 * here and only the month's name (number, leap) from ICU.
 */

const RAD = Math.PI / 180;
const sin = (degrees: number) => Math.sin(degrees * RAD);

/** Lunations since the new moon of 2000-01-06 (k = 0); k must be an integer for a new moon. */
export function lunationNear(instant: Date): number {
  const years = (instant.getTime() - Date.UTC(2000, 0, 6, 18, 14)) / (365.25 * 86_400_000);
  return Math.round(years * 12.3685);
}

/** Julian Ephemeris Day of new moon number k (Meeus 49.1 and the new-moon corrections). */
function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

  jde +=
    -0.4072 * sin(Mp) +
    0.17241 * E * sin(M) +
    0.01608 * sin(2 * Mp) +
    0.01039 * sin(2 * F) +
    0.00739 * E * sin(Mp - M) -
    0.00514 * E * sin(Mp + M) +
    0.00208 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(Om) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);

  // Planetary arguments A1…A14 and their coefficients (Meeus, chapter 49).
  const planetary: [number, number, number][] = [
    [299.77, 0.107408, 0.000325],
    [251.88, 0.016321, 0.000165],
    [251.83, 26.651886, 0.000164],
    [349.42, 36.412478, 0.000126],
    [84.66, 18.206239, 0.00011],
    [141.74, 53.303771, 0.000062],
    [207.14, 2.453732, 0.00006],
    [154.84, 7.30686, 0.000056],
    [34.52, 27.261239, 0.000047],
    [207.19, 0.121824, 0.000042],
    [291.34, 1.844379, 0.00004],
    [161.72, 24.198154, 0.000037],
    [239.56, 25.513099, 0.000035],
    [331.55, 3.592518, 0.000023],
  ];
  planetary.forEach(([base, rate, coefficient], i) => {
    const argument = base + rate * k - (i === 0 ? 0.009173 * T2 : 0);
    jde += coefficient * sin(argument);
  });
  return jde;
}

/** ΔT = TT − UT in seconds (Espenak & Meeus polynomials; the calendar needs 1900–2150). */
function deltaTSeconds(year: number): number {
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
}

/** The instant (UTC) of new moon number k. */
export function newMoonAt(k: number): Date {
  const jde = newMoonJde(k);
  const ttMs = (jde - 2440587.5) * 86_400_000;
  const year = 2000 + k / 12.3685;
  return new Date(Math.round(ttMs - deltaTSeconds(year) * 1000));
}
