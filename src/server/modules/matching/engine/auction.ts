/**
 * ε-scaling forward/reverse auction (Bertsekas) for a one-sided b-matching: every unit of demand of the
 * persons must be placed, objects have places (units) to spare. Weights are integers already multiplied by
 * a scale larger than the number of person units, so that ε = 1 at the end means optimal (ε-complementary
 * slackness with ε below 1/n in the original units).
 *
 * Dual: a profit per person unit (any sign) and a price per object unit (≥ 0); ε-CS:
 * profit + price ≥ weight − ε on every pair, = weight on the assigned pairs, and an object unit without a
 * person has price 0.
 * - Forward step: a person unit without an object bids for its best object unit and raises its price by the
 *   margin over the second best plus ε (the person unit it outbids bids again).
 * - Reverse step: an object unit without a person but with a positive price lowers it to attract the person
 *   unit for which it is best by more than ε (that unit's former object unit is then left), or to 0.
 * - Phases: ε shrinks by SCALING_FACTOR; at the start of a phase the pairs that break ε-CS for the new ε
 *   are dropped, the others kept, and prices are kept.
 * A warm start (prices and pairs of an earlier optimum with fewer candidate pairs) starts at a small ε.
 *
 * Either the demand or the capacity is 1 on every pair (persons are adepts or objects are adepts), so a
 * person never holds two units of one object.
 */

/** ε shrinks by this factor per phase. */
const SCALING_FACTOR = 6;
/** Bids allowed per unit and phase before the auction gives up (the caller then solves otherwise). */
const MAX_BIDS_PER_UNIT_AND_PHASE = 500;

export interface OneSidedProblem {
  personCount: number;
  objectCount: number;
  /** Units per person: person i owns units personUnitStart[i] ..< personUnitStart[i + 1]. */
  personUnitStart: Int32Array;
  objectUnitStart: Int32Array;
  /** Pairs by person (rows) and by object (columns), with scaled integer weights. */
  rowStart: Int32Array;
  rowObject: Int32Array;
  rowWeight: Float64Array;
  colStart: Int32Array;
  colPerson: Int32Array;
  colWeight: Float64Array;
}

export interface AuctionStart {
  /** The first ε (scaled). */
  epsilon: number;
  /** Price per object unit (scaled). */
  price?: Float64Array;
  /** Object unit per person unit, or -1: pairs to keep while they satisfy ε-CS. */
  objectUnitOfPersonUnit?: Int32Array;
}

export interface AuctionResult {
  /** The object unit of each person unit (all placed). */
  objectUnitOfPersonUnit: Int32Array;
  /** The weight of each person unit's pair. */
  weightOfPersonUnit: Float64Array;
  profit: Float64Array;
  price: Float64Array;
  bids: number;
}

export class AuctionGaveUp extends Error {}

export function auction(problem: OneSidedProblem, start: AuctionStart): AuctionResult {
  const { personCount, objectCount, personUnitStart, objectUnitStart, rowStart, rowObject, rowWeight } =
    problem;
  const { colStart, colPerson, colWeight } = problem;
  const personUnits = personUnitStart[personCount]!;
  const objectUnits = objectUnitStart[objectCount]!;
  const personOfUnit = new Int32Array(personUnits);
  for (let i = 0; i < personCount; i++) personOfUnit.fill(i, personUnitStart[i]!, personUnitStart[i + 1]!);
  const objectOfUnit = new Int32Array(objectUnits);
  for (let j = 0; j < objectCount; j++) objectOfUnit.fill(j, objectUnitStart[j]!, objectUnitStart[j + 1]!);
  const held = new Int32Array(personUnits).fill(-1);
  const holder = new Int32Array(objectUnits).fill(-1);
  const weightOf = new Float64Array(personUnits);
  const profit = new Float64Array(personUnits);
  const price = start.price ? Float64Array.from(start.price) : new Float64Array(objectUnits);
  if (start.objectUnitOfPersonUnit) {
    for (let k = 0; k < personUnits; k++) {
      const l = start.objectUnitOfPersonUnit[k]!;
      if (l < 0 || holder[l] !== -1) continue;
      const w = weightOfPair(personOfUnit[k]!, objectOfUnit[l]!);
      if (w === null) continue;
      held[k] = l;
      holder[l] = k;
      weightOf[k] = w;
      profit[k] = w - price[l]!;
    }
  }
  // The cheapest and second cheapest unit of each object, the poorest and second poorest unit of each
  // person: a scan reads these instead of looping over units. Refreshed whenever a price or profit changes.
  const objectLow = new Float64Array(objectCount);
  const objectNext = new Float64Array(objectCount);
  const objectLowUnit = new Int32Array(objectCount);
  const personLow = new Float64Array(personCount);
  const personNext = new Float64Array(personCount);
  const personLowUnit = new Int32Array(personCount);
  const refreshObject = (j: number) => {
    let unit = objectUnitStart[j]!;
    let low = price[unit]!;
    let next = Number.POSITIVE_INFINITY;
    for (let l = unit + 1, last = objectUnitStart[j + 1]!; l < last; l++) {
      const p = price[l]!;
      if (p < low) {
        next = low;
        low = p;
        unit = l;
      } else if (p < next) next = p;
    }
    objectLow[j] = low;
    objectNext[j] = next;
    objectLowUnit[j] = unit;
  };
  const refreshPerson = (i: number) => {
    let unit = personUnitStart[i]!;
    let low = profit[unit]!;
    let next = Number.POSITIVE_INFINITY;
    for (let k = unit + 1, last = personUnitStart[i + 1]!; k < last; k++) {
      const f = profit[k]!;
      if (f < low) {
        next = low;
        low = f;
        unit = k;
      } else if (f < next) next = f;
    }
    personLow[i] = low;
    personNext[i] = next;
    personLowUnit[i] = unit;
  };
  for (let j = 0; j < objectCount; j++) refreshObject(j);
  for (let i = 0; i < personCount; i++) refreshPerson(i);
  // Circular queues: person units waiting to bid, object units waiting to lower their price.
  const personQueue = new Int32Array(personUnits + 1);
  const objectQueue = new Int32Array(objectUnits + 1);
  const objectQueued = new Uint8Array(objectUnits);
  let pHead = 0;
  let pTail = 0;
  let pSize = 0;
  const queuePerson = (k: number) => {
    personQueue[pTail] = k;
    pTail = pTail === personUnits ? 0 : pTail + 1;
    pSize++;
  };
  let oHead = 0;
  let oTail = 0;
  let oSize = 0;
  const queueObject = (l: number) => {
    if (objectQueued[l] === 1) return;
    objectQueued[l] = 1;
    objectQueue[oTail] = l;
    oTail = oTail === objectUnits ? 0 : oTail + 1;
    oSize++;
  };
  let bids = 0;

  for (let epsilon = Math.max(1, Math.floor(start.epsilon)); ; ) {
    const bidLimit = bids + MAX_BIDS_PER_UNIT_AND_PHASE * (personUnits + objectUnits) + 100_000;
    // Keep the pairs that satisfy ε-CS for this ε.
    for (let k = 0; k < personUnits; k++) {
      const l = held[k]!;
      if (l >= 0 && profit[k]! < bestValueBesides(personOfUnit[k]!, l) - epsilon) {
        held[k] = -1;
        holder[l] = -1;
      }
      if (held[k] === -1) queuePerson(k);
    }

    // Forward steps until every person unit holds an object unit.
    while (pSize > 0) {
      const k = personQueue[pHead]!;
      pHead = pHead === personUnits ? 0 : pHead + 1;
      pSize--;
      if (++bids > bidLimit) throw new AuctionGaveUp('auction: too many bids');
      const i = personOfUnit[k]!;
      let best = Number.NEGATIVE_INFINITY;
      let second = Number.NEGATIVE_INFINITY;
      let bestUnit = -1;
      let bestWeight = 0;
      for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
        const j = rowObject[e]!;
        const w = rowWeight[e]!;
        // The cheapest unit of the object, and the second cheapest as another option.
        const value = w - objectLow[j]!;
        if (value > best) {
          second = best;
          best = value;
          bestUnit = objectLowUnit[j]!;
          bestWeight = w;
        } else if (value > second) second = value;
        if (w - objectNext[j]! > second) second = w - objectNext[j]!;
      }
      // A single candidate: raise its price by ε only (there is nothing to compare it with).
      if (second === Number.NEGATIVE_INFINITY) second = best;
      const bid = bestWeight - second + epsilon;
      const outbid = holder[bestUnit]!;
      if (outbid >= 0) {
        held[outbid] = -1;
        queuePerson(outbid);
      }
      price[bestUnit] = bid;
      holder[bestUnit] = k;
      held[k] = bestUnit;
      weightOf[k] = bestWeight;
      profit[k] = bestWeight - bid;
      refreshObject(objectOfUnit[bestUnit]!);
      refreshPerson(i);
    }

    // Reverse steps: object units without a person and a positive price lower it.
    for (let l = 0; l < objectUnits; l++) if (holder[l] === -1 && price[l]! > 0) queueObject(l);
    while (oSize > 0) {
      const l = objectQueue[oHead]!;
      oHead = oHead === objectUnits ? 0 : oHead + 1;
      oSize--;
      objectQueued[l] = 0;
      if (holder[l] !== -1 || price[l]! <= 0) continue;
      if (++bids > bidLimit) throw new AuctionGaveUp('auction: too many bids');
      const j = objectOfUnit[l]!;
      let best = Number.NEGATIVE_INFINITY;
      let second = Number.NEGATIVE_INFINITY;
      let bestUnit = -1;
      let bestWeight = 0;
      for (let c = colStart[j]!, end = colStart[j + 1]!; c < end; c++) {
        const i = colPerson[c]!;
        const w = colWeight[c]!;
        // The person unit with the lowest profit is the cheapest to attract.
        const value = w - personLow[i]!;
        if (value > best) {
          second = best;
          best = value;
          bestUnit = personLowUnit[i]!;
          bestWeight = w;
        } else if (value > second) second = value;
        if (w - personNext[i]! > second) second = w - personNext[i]!;
      }
      if (bestUnit < 0 || best - epsilon <= 0) {
        price[l] = 0;
        refreshObject(j);
        continue;
      }
      const newPrice = Math.max(0, second - epsilon);
      const released = held[bestUnit]!;
      holder[released] = -1;
      price[l] = newPrice;
      holder[l] = bestUnit;
      held[bestUnit] = l;
      weightOf[bestUnit] = bestWeight;
      profit[bestUnit] = bestWeight - newPrice;
      refreshObject(j);
      refreshPerson(personOfUnit[bestUnit]!);
      if (price[released]! > 0) queueObject(released);
    }
    if (epsilon === 1) break;
    epsilon = Math.max(1, Math.floor(epsilon / SCALING_FACTOR));
  }
  return { objectUnitOfPersonUnit: held, weightOfPersonUnit: weightOf, profit, price, bids };

  /** The best value w − price over the person's object units other than `except`. */
  function bestValueBesides(i: number, except: number): number {
    let best = Number.NEGATIVE_INFINITY;
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      const j = rowObject[e]!;
      const w = rowWeight[e]!;
      for (let l = objectUnitStart[j]!, last = objectUnitStart[j + 1]!; l < last; l++) {
        if (l !== except && w - price[l]! > best) best = w - price[l]!;
      }
    }
    return best;
  }

  function weightOfPair(i: number, j: number): number | null {
    for (let e = rowStart[i]!, end = rowStart[i + 1]!; e < end; e++) {
      if (rowObject[e] === j) return rowWeight[e]!;
    }
    return null;
  }
}
