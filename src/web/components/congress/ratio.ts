/**
 * held/total as the dashboard writes it: 4.925/5.012.
 */

import { formatNumber } from "../../../domain/format/number.ts";

export const ratio = (x: number, y: number) => `${formatNumber(x)}/${formatNumber(y)}`;
